import Foundation
import TrustCenter

/// Writing results to stdout.
enum Output {
    static func text(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Pretty JSON in Trust Center's JSON shape. JSON escapes control characters itself.
    static func json(_ value: some Encodable) {
        let encoder = JSONCoding.encoder
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
