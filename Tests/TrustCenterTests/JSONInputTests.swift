import Foundation
import Testing
import TrustCenter

/// Foundation's JSON decoder traps on a document nested past 512 levels that ends at its last
/// byte; `JSONInput` must turn every such document into an `InputError` first.
@Suite struct JSONInputTests {
    /// Arrays and objects around Foundation's limit, with and without a byte after them.
    static let deepDocuments: [String] = [511, 512, 513, 514].flatMap { depth in
        let arrays = String(repeating: "[", count: depth)
        let objects = String(repeating: "{\"a\":", count: depth - 1) + "["
        return [arrays, arrays + " ", arrays + "]", objects, objects + " ", objects + "1"]
    }

    @Test(arguments: deepDocuments)
    func refusesDeepNestingBeforeFoundationSeesIt(document: String) {
        let error = #expect(throws: InputError.self) {
            _ = try JSONInput.decode([String: String].self, from: Data(document.utf8))
        }
        #expect(error?.message == "the JSON nests arrays and objects deeper than 64 levels")
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let document = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        try JSONInput.checkNesting(Data(document.utf8))
        #expect(throws: InputError.self) { try JSONInput.checkNesting(Data(("[" + document + "]").utf8)) }
    }

    @Test func bracketsInStringsAndCommentsDoNotCount() throws {
        let brackets = String(repeating: "[{", count: 100)
        let decoded = try JSONInput.decode(
            [String: String].self, from: Data("{\"a\":\"\(brackets)\\\"\(brackets)\"}".utf8))
        #expect(decoded["a"]?.count == 401)
        let json5 = JSONDecoder()
        json5.allowsJSON5 = true
        let config = "// \(brackets)\n{ /* \(brackets) */ a: '\(brackets)\"' }"
        #expect(try JSONInput.decode([String: String].self, from: Data(config.utf8), using: json5)["a"]?.count == 201)
    }

    /// A document cut short at its last byte is an ordinary decoding error, at every length.
    @Test func truncatedDocumentsAreErrors() {
        let document = #"{"answers":{"about":"security","n":-1.5e+10,"t":true,"u":"\u00e6\ud83d\ude00","l":[1,[{}]]}}"#
        for length in 1..<document.utf8.count {
            let prefix = Data(document.utf8.prefix(length))
            #expect(throws: (any Error).self) {
                _ = try JSONInput.decode([String: [String: String]].self, from: prefix)
            }
        }
    }
}
