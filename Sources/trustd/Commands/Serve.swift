import ArgumentParser
import Hummingbird
import Foundation
import Logging
import NIOCore
import ServiceLifecycle

/// `trustd serve`: runs the web form and the admin API until SIGTERM or SIGINT, then lets
/// requests in flight finish, for `limits.shutdownGraceSeconds` at most, closes the database
/// cleanly and exits 0.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the report form and the admin API.")

    @OptionGroup var options: ConfigOption

    func run() async throws {
        try await reportingFailures {
            let configuration = try options.load()
            // Before anything is opened: a second trustd on this database would send every notice twice.
            try InstanceLock.hold(forDatabase: configuration.databasePath)
            // libcurl runs with CURLOPT_NOSIGNAL, so a relay that hangs up must not kill trustd.
            signal(SIGPIPE, SIG_IGN)
            let logger = Logger(label: "trustd")
            let runtime = try await TrustCenterRuntime.open(configuration, logger: logger)
            for missing in try await runtime.officers.rolesWithoutAccounts(in: configuration.entities) {
                logger.warning(
                    "a configured person has no officer account; cases routed to them wait until one is added with trustd officer add",
                    metadata: ["entity": "\(missing.entity)", "role": "\(missing.role)"])
            }
            if configuration.mail == nil {
                logger.notice("no mail relay is configured; notices wait in the outbox for trustctl notices")
            }
            OpenFileLimit.raise(toServe: configuration.connections.maxConnections, logger: logger)
            let app = buildApplication(runtime: runtime, logger: logger)
            // After the grace period the group cancels what still runs: a client holding a
            // half-sent body no longer keeps trustd from stopping.
            var group = ServiceGroupConfiguration(
                services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            group.maximumGracefulShutdownDuration = configuration.connections.shutdownGrace
            do {
                try await ServiceGroup(configuration: group).run()
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                await runtime.close()
                throw CommandFailure(
                    "cannot listen on \(configuration.listenHost):\(configuration.listenPort): the address is in use "
                        + "(is another trustd running? choose another listen.port)")
            } catch {
                await runtime.close()
                throw error
            }
            await runtime.close()
            logger.notice("trustd stopped; database closed")
        }
    }
}
