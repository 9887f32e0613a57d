// swift-tools-version:6.1
import PackageDescription

/// Trust Center: a self-hosted trust center for reports, deviations and privacy rights.
/// Dependencies point one way, and the targets keep the layers apart:
///   trustd → TrustCenterSQLite → CSQLite, trustd → TrustCenterMail → CCurl,
///   trustd, trustctl → TrustCenterAPI → TrustCenter (the pure core: no C library at all).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "TrustCenter",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "trustd", targets: ["trustd"]),
        .executable(name: "trustctl", targets: ["trustctl"]),
        .library(name: "TrustCenter", targets: ["TrustCenter"]),
        .library(name: "TrustCenterSQLite", targets: ["TrustCenterSQLite"]),
        .library(name: "TrustCenterMail", targets: ["TrustCenterMail"]),
        .library(name: "TrustCenterAPI", targets: ["TrustCenterAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Already resolved through Hummingbird; named so that trustd's scheduler can be a `Service`.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Already resolved through Hummingbird; named for trustd's connection guard, which works
        // on NIO's channel pipeline (HTTP/1 request heads, typed HTTP parts).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // Already resolved through Hummingbird; trustctl's HTTP client speaks TLS with it, as
        // URLSession on Linux would pull in libcurl.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // The pure core: rules, sealing, the storage port and the memory store.
        .target(
            name: "TrustCenter",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The embedded store: keeps the core's records in one SQLite file.
        .target(
            name: "TrustCenterSQLite",
            dependencies: ["TrustCenter", "CSQLite"],
            swiftSettings: swiftSettings
        ),
        // The mail sender: hands the core's messages to an SMTP relay with libcurl.
        .target(
            name: "TrustCenterMail",
            dependencies: ["TrustCenter", "CCurl"],
            swiftSettings: swiftSettings
        ),
        // The admin API's requests and answers, shared by trustd and trustctl.
        .target(
            name: "TrustCenterAPI",
            dependencies: ["TrustCenter"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "trustd",
            dependencies: [
                "TrustCenter",
                "TrustCenterSQLite",
                "TrustCenterMail",
                "TrustCenterAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "trustctl",
            dependencies: [
                "TrustCenter",
                "TrustCenterAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // bench/screen.sh: the personal-data screen's worst cases, timed against prose.
        .executableTarget(
            name: "screen-bench",
            dependencies: ["TrustCenter"],
            path: "bench/ScreenBench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TrustCenterTests",
            dependencies: [
                "TrustCenter", "TrustCenterSQLite", "TrustCenterMail", "CSQLite", "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "trustdTests",
            dependencies: [
                "trustd",
                "TrustCenter",
                "TrustCenterSQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TrustCenter", "TrustCenterMail"],
            swiftSettings: swiftSettings
        ),
    ]
)
