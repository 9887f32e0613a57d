import Foundation

/// Reads the data key from its file, or creates the file on first start.
///
/// The file holds one line, `trustcenter-data-key-v1:` followed by the key in base64. It is
/// created with mode 0600 in a folder created with mode 0700, and a key file that others can read
/// is refused, as ssh refuses such a private key. Losing the file means losing every sealed
/// report: it belongs in the backups, kept apart from the database.
public enum DataKeyFile {
    static let prefix = "trustcenter-data-key-v1:"

    /// What happened when the key was loaded.
    public enum Outcome: Sendable, Equatable {
        case loaded
        case created
    }

    public static func loadOrCreate(at path: String, random: any RandomSource) throws(DataKeyFileError) -> (
        DataKey, Outcome
    ) {
        if FileManager.default.fileExists(atPath: path) {
            return (try load(at: path), .loaded)
        }
        let key = DataKey.generate(using: random)
        try create(at: path, key: key)
        return (key, .created)
    }

    public static func load(at path: String) throws(DataKeyFileError) -> DataKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DataKeyFileError(path: path, problem: "cannot be read (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DataKeyFileError(path: path, problem: "is not a file (a directory or device is in its place)")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw DataKeyFileError(
                path: path,
                problem: "is readable by others (mode \(String(mode, radix: 8))); run: chmod 600 \(path)"
            )
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw DataKeyFileError(path: path, problem: "cannot be read")
        }
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix(prefix), let decoded = Data(base64Encoded: String(line.dropFirst(prefix.count))) else {
            throw DataKeyFileError(path: path, problem: "is not a Trust Center key file (expected \(prefix)<base64>)")
        }
        do {
            return try DataKey(bytes: Array(decoded))
        } catch {
            throw DataKeyFileError(path: path, problem: error.message)
        }
    }

    static func create(at path: String, key: DataKey) throws(DataKeyFileError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw DataKeyFileError(
                    path: path, problem: "its folder cannot be created (\(error.localizedDescription))")
            }
        }
        // O_EXCL: never overwrite a key that appeared meanwhile; 0600 from the first byte.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw DataKeyFileError(path: path, problem: "cannot be created (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        let line = Array((prefix + Data(key.bytes).base64EncodedString() + "\n").utf8)
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else {
            unlink(path)
            throw DataKeyFileError(path: path, problem: "cannot be written (\(String(cString: strerror(errno))))")
        }
    }
}

/// The key file is missing, unreadable, malformed or too open.
public struct DataKeyFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public var description: String { "key file \(path) \(problem)" }
}
