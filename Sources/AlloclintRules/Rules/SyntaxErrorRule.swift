import AlloclintSyntax

/// `syntax-error`: the file does not parse. Reports the first error; other rules still run on the
/// intact parts (the runner never enters ERROR nodes).
struct SyntaxErrorRule: Rule {
    static let id = "syntax-error"

    init(options: RuleOptions) {}

    func check(file context: RuleContext) {
        guard let error = context.tree.firstError else { return }
        if error.isMissing {
            context.report(range: error.startByte..<error.startByte, "syntax error: missing \(error.kind.name)")
            return
        }
        let line = context.source.position(at: error.startByte).line
        let range = error.startByte..<min(error.endByte, context.source.lineStarts.count > line ? context.source.lineStarts[line] - 1 : error.endByte)
        let token = context.source.text(range).prefix(20).trimmingCharacters(in: .whitespacesAndNewlines)
        context.report(range: range, token.isEmpty ? "syntax error" : "syntax error near \(token.debugDescription)")
    }
}

import Foundation
