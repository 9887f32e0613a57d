import Foundation
import TrustCenter

/// Writing results to stdout.
enum Output {
    static func text(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Pretty JSON in Trust Center's JSON shape. JSON escapes C0 control characters itself; the
    /// C1 controls and bidirectional overrides it leaves as they are get `\uXXXX` escapes too, so
    /// that JSON on a terminal is as safe as the text output.
    static func json(_ value: some Encodable) {
        let encoder = JSONCoding.encoder
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        var safe = ""
        for scalar in text.unicodeScalars {
            if PlainText.isControl(scalar), scalar != "\n" {
                safe += String(format: "\\u%04x", scalar.value)
            } else {
                safe.unicodeScalars.append(scalar)
            }
        }
        FileHandle.standardOutput.write(Data((safe + "\n").utf8))
    }
}
