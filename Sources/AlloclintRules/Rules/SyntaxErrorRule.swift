import Foundation
import AlloclintSyntax

/// `syntax-error`: the file does not parse. Reports the first error; other rules still run on the
/// intact parts (the runner never enters ERROR nodes).
struct SyntaxErrorRule: Rule {
    static let id = "syntax-error"

    init(options: RuleOptions) {}

    func check(file context: RuleContext) {
        if let offset = context.tree.unparsedOffset {
            context.report(range: offset..<offset, "syntax error: more than the parser can recover from (tens of thousands of unfinished tokens, or a parse that does not end); the file is not checked")
            return
        }
        guard let error = context.tree.firstError else { return }
        if error.isMissing {
            context.report(range: error.startByte..<error.startByte, "syntax error: missing \(error.kind.name)")
            return
        }
        let source = context.source
        let lineEnd = source.bytes[error.startByte...].firstIndex(of: UInt8(ascii: "\n")) ?? source.bytes.count
        let range = error.startByte..<max(error.startByte, min(error.endByte, lineEnd))
        let token = source.text(range).prefix(24).trimmingCharacters(in: .whitespaces)
        if token.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0 == "\u{FFFD}" }) {
            context.report(range: range, "syntax error: this is not Go source text (binary data or invalid UTF-8)")
        } else {
            context.report(range: range, token.isEmpty ? "syntax error" : "syntax error near \(token.debugDescription)")
        }
    }
}
