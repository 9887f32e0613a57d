import CCurl
import Testing

/// The mail sender needs libcurl with SMTP and TLS; this fails early on a machine without them.
@Suite struct CurlTests {
    @Test func libcurlSpeaksSMTPOverTLS() throws {
        let info = try #require(ccurl_version_info())
        var protocols: [String] = []
        var cursor = info.pointee.protocols
        while let name = cursor?.pointee {
            protocols.append(String(cString: name))
            cursor = cursor?.advanced(by: 1)
        }
        #expect(protocols.contains("smtp"))
        #expect(protocols.contains("smtps"))
        #expect(info.pointee.features & CURL_VERSION_SSL != 0)
    }
}
