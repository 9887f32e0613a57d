import Foundation
import Logging
import TrustCenter

extension Configuration {
    /// Loads the file at `path` (or the embedded default when nil), applies the environment
    /// overrides, and checks everything. Relative paths in a file are taken from the file's folder.
    static func load(path: String?, environment: [String: String]) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        if let path {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw ConfigurationError(
                    source: path, key: nil, problem: "cannot be read (\(error.localizedDescription))")
            }
            try configuration.apply(document: data, source: path)
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            configuration.databasePath = resolve(configuration.databasePath, against: folder)
            configuration.keyFile = resolve(configuration.keyFile, against: folder)
            configuration.formsDirectory = resolve(configuration.formsDirectory, against: folder)
        }
        try configuration.apply(environment: environment)
        return configuration
    }

    mutating func apply(document data: Data, source: String) throws(ConfigurationError) {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let root: ConfigValue
        do {
            root = try JSONInput.decode(ConfigValue.self, from: data, using: decoder)
        } catch {
            throw ConfigurationError(source: source, key: nil, problem: "is not valid JSON5 (\(Self.reason(error)))")
        }
        var reader = try ConfigReader(source: source, path: "", value: root)
        if var listen = try reader.object("listen") {
            listenHost = try listen.string("host") ?? listenHost
            listenPort = try listen.integer("port", in: 0...65535) ?? listenPort
            try listen.rejectUnknownKeys()
        }
        if var database = try reader.object("database") {
            databasePath = try database.string("path") ?? databasePath
            try database.rejectUnknownKeys()
        }
        keyFile = try reader.string("keyFile") ?? keyFile
        if var forms = try reader.object("forms") {
            formsDirectory = try forms.string("directory") ?? formsDirectory
            try forms.rejectUnknownKeys()
        }
        if var limits = try reader.object("limits") {
            maxBodyBytes = try limits.integer("maxBodyBytes", in: 1024...(16 * 1024 * 1024)) ?? maxBodyBytes
            if let seconds = try limits.integer("headerTimeoutSeconds", in: 1...600) {
                connections.headerTimeout = .seconds(Int64(seconds))
            }
            if let seconds = try limits.integer("bodyTimeoutSeconds", in: 1...3600) {
                connections.bodyTimeout = .seconds(Int64(seconds))
            }
            if let seconds = try limits.integer("idleTimeoutSeconds", in: 1...3600) {
                connections.idleTimeout = .seconds(Int64(seconds))
            }
            if let seconds = try limits.integer("sendTimeoutSeconds", in: 1...3600) {
                connections.sendTimeout = .seconds(Int64(seconds))
            }
            connections.maxConnections =
                try limits.integer("maxConnections", in: 1...1_000_000) ?? connections.maxConnections
            if let seconds = try limits.integer("shutdownGraceSeconds", in: 0...600) {
                connections.shutdownGrace = .seconds(seconds)
            }
            try limits.rejectUnknownKeys()
        }
        if var log = try reader.object("log") {
            if let level = try log.string("level") {
                logLevel = try Self.logLevel(level, source: source, key: log.key("level"))
            }
            try log.rejectUnknownKeys()
        }
        if let items = try reader.list("entities") {
            entities = try Self.entities(items, source: source)
        }
        if let items = try reader.list("clocks") {
            clocks = ClockPolicies(overrides: try Self.clockOverrides(items, source: source))
        }
        mail = try Self.mail(&reader) ?? mail
        try reader.rejectUnknownKeys()
    }

    mutating func apply(environment: [String: String]) throws(ConfigurationError) {
        for (variable, key) in Self.environmentOverrides {
            guard let text = environment[variable] else { continue }
            let source = "environment variable \(variable)"
            func bad(_ problem: String) -> ConfigurationError {
                ConfigurationError(source: source, key: key, problem: problem)
            }
            if text.isEmpty { throw bad("is set but empty") }
            switch key {
            case "listen.host": listenHost = text
            case "listen.port":
                guard let port = Int(text), (0...65535).contains(port) else {
                    throw bad("must be a port from 0 to 65535")
                }
                listenPort = port
            case "database.path": databasePath = text
            case "keyFile": keyFile = text
            case "forms.directory": formsDirectory = text
            case "limits.maxBodyBytes":
                guard let bytes = Int(text), (1024...(16 * 1024 * 1024)).contains(bytes) else {
                    throw bad("must be a whole number from 1024 to 16777216")
                }
                maxBodyBytes = bytes
            case "log.level": logLevel = try Self.logLevel(text, source: source, key: key)
            case "mail.username", "mail.password":
                guard mail != nil else { throw bad("is set, but the configuration has no mail section") }
                if key == "mail.username" { mail?.relay.username = text } else { mail?.relay.password = text }
            default: break
            }
        }
    }

    static func logLevel(_ text: String, source: String, key: String) throws(ConfigurationError) -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let valid = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(
                source: source, key: key, problem: "unknown level '\(text)'; valid values: \(valid)")
        }
        return level
    }

    static func resolve(_ path: String, against folder: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).path
    }

    /// The decoder's reason without the document's text, which may be long.
    static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                ?? context.debugDescription
        }
        return "\(error)"
    }
}
