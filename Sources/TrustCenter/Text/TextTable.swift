/// An aligned plain-text table for people at a terminal. Every cell is made safe with
/// `TerminalText.line`.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let cleanRows = rows.map { $0.map(TerminalText.line) }
        var widths = header.map(\.count)
        for row in cleanRows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        return ([line(header)] + cleanRows.map(line)).joined(separator: "\n") + "\n"
    }
}
