import Foundation
import Testing

/// The targets keep the layers apart, and the built programs show it: trustctl is an HTTP client
/// of trustd and links neither the database nor the mail library; trustd links both.
@Suite struct LayeringTests {
    func linked(_ binary: String) throws -> [String] {
        let result = try runCommand("/usr/bin/ldd", [binary])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap {
            $0.split(whereSeparator: \.isWhitespace).first.map(String.init)
        }
    }

    @Test func trustctlLinksNeitherSQLiteNorCurl() throws {
        let libraries = try linked(Binaries.trustctl)
        #expect(!libraries.isEmpty)
        #expect(!libraries.contains { $0.hasPrefix("libsqlite3") }, "\(libraries)")
        #expect(!libraries.contains { $0.hasPrefix("libcurl") }, "\(libraries)")
    }

    @Test func trustdLinksBoth() throws {
        let libraries = try linked(Binaries.trustd)
        #expect(libraries.contains { $0.hasPrefix("libsqlite3") }, "\(libraries)")
        #expect(libraries.contains { $0.hasPrefix("libcurl") }, "\(libraries)")
    }
}
