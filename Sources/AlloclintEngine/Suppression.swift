import AlloclintSyntax

/// The suppression comments of one file:
/// - `//alloclint:ignore RULE[,RULE] reason` on the finding's line, or alone on the line above;
/// - `//nolint`, `//nolint:RULE[,RULE]`, `//nolint:alloclint` (golangci-lint's directive) on the line;
/// - `//alloclint:file-ignore RULE[,RULE]` anywhere in the file.
/// `all` stands for every rule. Only real comments count (not text inside string literals).
struct Suppressions {
    private var byLine: [Int: Set<String>] = [:]
    private var wholeFile: Set<String> = []

    init(tree: SyntaxTree) {
        let source = tree.source
        for offset in Suppressions.candidateOffsets(source.bytes) {
            guard let comment = tree.root.descendant(at: offset), comment.kind == .comment,
                  comment.startByte == offset else { continue }
            let text = source.text(comment.byteRange)
            let position = source.position(at: offset)
            if let rules = Suppressions.rules(after: "//alloclint:file-ignore", in: text) {
                wholeFile.formUnion(rules)
            } else if let rules = Suppressions.rules(after: "//alloclint:ignore", in: text) {
                byLine[position.line, default: []].formUnion(rules)
                if Suppressions.isAloneOnLine(source, comment) {
                    byLine[position.line + 1, default: []].formUnion(rules)
                }
            } else if text == "//nolint" || text.hasPrefix("//nolint ") {
                byLine[position.line, default: []].insert("all")
            } else if let rules = Suppressions.rules(after: "//nolint:", in: text, glued: true) {
                let names = rules.map { $0 == "alloclint" ? "all" : $0 }
                byLine[position.line, default: []].formUnion(names)
            }
        }
    }

    func suppresses(ruleID: String, line: Int) -> Bool {
        if wholeFile.contains(ruleID) || wholeFile.contains("all") { return true }
        guard let rules = byLine[line] else { return false }
        return rules.contains(ruleID) || rules.contains("all")
    }

    /// Offsets of `//alloclint:` and `//nolint` in the bytes: cheap candidates, confirmed by the tree.
    private static func candidateOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        let slash = UInt8(ascii: "/")
        var index = 0
        let end = bytes.count - 2
        while index < end {
            if bytes[index] == slash && bytes[index + 1] == slash {
                let next = bytes[index + 2]
                if next == UInt8(ascii: "a") || next == UInt8(ascii: "n") { offsets.append(index) }
                index += 2
            } else {
                index += 1
            }
        }
        return offsets
    }

    /// The comma-separated rule list after `prefix`, or nil if the comment is not that directive.
    /// The list ends at the first space (the reason follows); `glued` directives allow no space.
    private static func rules(after prefix: String, in text: String, glued: Bool = false) -> [String]? {
        guard text.hasPrefix(prefix) else { return nil }
        var rest = text.dropFirst(prefix.count)
        if !glued {
            guard rest.first == " " || rest.first == "\t" else { return nil }
            rest = rest.drop { $0 == " " || $0 == "\t" }
        }
        let list = rest.prefix { $0 != " " && $0 != "\t" && $0 != "/" }
        let rules = list.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
        return rules.isEmpty ? nil : rules
    }

    /// Whether only white space precedes the comment on its line.
    private static func isAloneOnLine(_ source: SourceText, _ comment: Node) -> Bool {
        var index = comment.startByte - 1
        while index >= 0 {
            let byte = source.bytes[index]
            if byte == UInt8(ascii: "\n") { return true }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return false }
            index -= 1
        }
        return true
    }
}
