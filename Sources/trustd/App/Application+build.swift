import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import TrustCenter

/// Builds the HTTP application over a runtime. `trustd serve` runs it; the tests call the same
/// function with `app.test(.router)`.
func buildApplication(
    runtime: TrustCenterRuntime,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let configuration = runtime.configuration
    let router = Router(context: TrustRequestContext.self)
    router.addMiddleware {
        SecurityHeadersMiddleware()
        ErrorMiddleware(logger: logger, catalogue: runtime.form.catalogue, outages: runtime.outages)
        ContentEncodingMiddleware()
    }
    PublicRoutes(runtime: runtime, logger: logger).register(on: router)
    ReportFormRoutes(runtime: runtime, logger: logger).register(on: router)
    FollowUpRoutes(runtime: runtime, logger: logger).register(on: router)
    AdminRoutes(desk: runtime.desk, dispatcher: runtime.dispatcher, maxBodyBytes: configuration.maxBodyBytes)
        .register(on: router.group("api/v1").add(middleware: OfficerAuthenticator(officers: runtime.officers)))
    return Application(
        router: router,
        server: .guardedHTTP1(configuration.connections),
        configuration: .init(
            address: .hostname(configuration.listenHost, port: configuration.listenPort),
            serverName: nil,
            availableConnectionsDelegate: MaximumAvailableConnections(
                configuration.connections.maxConnections, logger: logger)),
        services: [
            SchedulerService(
                sweeper: runtime.sweeper, logger: Logger(label: "trustd.scheduler"), outages: runtime.outages)
        ]
            + (runtime.dispatcher.map {
                [MailSenderService(dispatcher: $0, logger: Logger(label: "trustd.mail"), outages: runtime.outages)]
            }
                ?? []),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.listenPort
            logger.notice("trustd listening on http://\(configuration.listenHost):\(port)")
            await onServerRunning(port)
        },
        logger: logger)
}
