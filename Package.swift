// swift-tools-version:6.1
import PackageDescription

/// Trust Center: a self-hosted trust center for reports, deviations and privacy rights.
/// Dependencies point one way: trustd / trustctl → TrustCenter → CSQLite / CCurl.
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
        .target(
            name: "TrustCenter",
            dependencies: [
                "CSQLite",
                "CCurl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "trustd",
            dependencies: [
                "TrustCenter",
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
            dependencies: ["TrustCenter", "CSQLite", "CCurl", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "trustdTests",
            dependencies: [
                "trustd",
                "TrustCenter",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TrustCenter"],
            swiftSettings: swiftSettings
        ),
    ]
)
