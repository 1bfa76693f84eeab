import CTreeSitter
import Glibc

/// Guards against a crash of the tree-sitter runtime on deeply nested invalid input.
///
/// tree-sitter 0.20.7 (Debian's) crashes when it recovers from a syntax error while its parse
/// stack holds 65,536 entries or more: the ERROR node it builds counts its children in 16 bits,
/// and freeing it corrupts the heap. Only input nested thousands of levels deep gets there — no
/// real Go code does — but a linter must not die on hostile input. A file whose nesting, as
/// estimated from its tokens, could get there is parsed first in a forked child process; when
/// the child dies, the file is not parsed and gets a syntax error instead. Deep input that
/// parses (100,000 nested parentheses) is linted as usual.
enum DeepNesting {
    /// A stack entry covers at least one token, a token at least one byte: smaller files are safe.
    static let riskyFileSize = 65_536
    /// Estimated levels from which a file is probed. A level holds at most about six stack
    /// entries (`switch {` `case x:`), so below this the stack stays far from 65,536.
    static let probeDepth = 4_096

    /// Whether `bytes` may crash the parser: the offset where the estimate reaches `probeDepth`.
    static func riskyOffset(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= riskyFileSize else { return nil }
        var estimate = NestingEstimate()
        return bytes.withUnsafeBufferPointer { estimate.firstOffset(reaching: probeDepth, in: $0) }
    }

    /// Parses `bytes` in a child process; false when the child did not exit normally.
    static func parseSurvivesInChild(_ bytes: [UInt8], language: OpaquePointer) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                let pid = fork()
                if pid == 0 {
                    // The child runs C only (glibc's malloc is fork-safe; the Swift runtime's locks
                    // may be held by the parent's other threads): no core file, no glibc message.
                    var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
                    setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
                    let null = open("/dev/null", O_WRONLY)
                    if null >= 0 { dup2(null, STDERR_FILENO) }
                    let parser = ts_parser_new()
                    _ = ts_parser_set_language(parser, language)
                    _ = ts_parser_parse_string(parser, nil, text.baseAddress, UInt32(text.count))
                    _exit(0)
                }
                guard pid > 0 else { return false }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return status == 0  // exited with status 0, not killed by a signal
            }
        }
    }
}

/// A lexical estimate of how deeply the parser's stack nests at each token: open brackets, plus
/// at each bracket level the tokens since the last operand (operators, keywords, `[]`, `map[K]`,
/// `func(…)`, groups following groups: the prefixes an operand completes, and the runs of tokens
/// an error leaves on the stack), and `else if` chains and labels until the statement ends. It
/// errs on the high side: a false alarm only costs a probe.
private struct NestingEstimate {
    struct Level {
        var prefixes = 0
        var statementChain = 0
        /// Whether the bracket group, once closed, completes an operand (not `map[K]`, `func(…)`).
        var closesOperand = true
    }

    var levels = [Level()]
    var estimate = 0
    /// A newline after the previous token ends the statement (Go's semicolon rule).
    var endsStatementAtNewline = false
    var afterCloser = false
    var afterTypeKeyword = false
    var tokensInStatement = 0
    var previousWasIdentifier = false

    mutating func firstOffset(reaching limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let start = index
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                newline()
                continue
            case UInt8(ascii: "/") where index < count && bytes[index] == UInt8(ascii: "/"):
                while index < count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "/") where index < count && bytes[index] == UInt8(ascii: "*"):
                index += 1
                var sawNewline = false
                while index < count && !(bytes[index] == UInt8(ascii: "*") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")) {
                    if bytes[index] == UInt8(ascii: "\n") { sawNewline = true }
                    index += 1
                }
                index = min(index + 2, count)
                if sawNewline { newline() }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                while index < count && bytes[index] != byte && bytes[index] != UInt8(ascii: "\n") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index = min(index + 1, count)
                operand()
            case UInt8(ascii: "`"):
                while index < count && bytes[index] != UInt8(ascii: "`") { index += 1 }
                index = min(index + 1, count)
                operand()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                while index < count && (isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: ".")
                                        || (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
                                        && isExponent(bytes[index - 1])) {
                    index += 1
                }
                operand()
            case _ where isWordByte(byte):
                while index < count && isWordByte(bytes[index]) { index += 1 }
                word(bytes, start..<index)
            case UInt8(ascii: "("), UInt8(ascii: "{"):
                open()
            case UInt8(ascii: "["):
                var next = index
                while next < count && (bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t")) { next += 1 }
                if next < count && bytes[next] == UInt8(ascii: "]") {  // `[]`: a slice type prefix
                    index = next + 1
                    prefix(statementEnd: true)
                } else {
                    open()
                }
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                close()
            case UInt8(ascii: ";"):
                endStatement()
                token(statementEnd: false)
                tokensInStatement = 0
            case UInt8(ascii: ":") where previousWasIdentifier && tokensInStatement == 1
                && !(index < count && bytes[index] == UInt8(ascii: "=")):
                chainStatement()  // a label: its statement follows
                tokensInStatement = 0
            default:
                index = operatorEnd(bytes, from: start)
                let isIncrement = index - start == 2 && (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"))
                    && bytes[start + 1] == byte
                prefix(statementEnd: isIncrement)
            }
            if estimate >= limit { return start }
        }
        return nil
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func isExponent(_ byte: UInt8) -> Bool { (byte | 0x20) == UInt8(ascii: "e") || (byte | 0x20) == UInt8(ascii: "p") }

    /// The end of the operator at `start`: the longest of Go's three-, two- and one-byte operators.
    private func operatorEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        if Self.threeByteOperators.contains(where: { matches($0, bytes, start) }) { return start + 3 }
        if Self.twoByteOperators.contains(where: { matches($0, bytes, start) }) { return start + 2 }
        return start + 1
    }

    private static let threeByteOperators: [StaticString] = ["<<=", ">>=", "&^=", "..."]
    private static let twoByteOperators: [StaticString] = [
        "<-", "&&", "||", "==", "!=", "<=", ">=", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>",
        "&^", ":=",
    ]

    private func matches(_ text: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard bytes.count - start >= length else { return false }
        return (0..<length).allSatisfy { bytes[start + $0] == text.utf8Start[$0] }
    }

    private static let typePrefixKeywords: [StaticString] = ["map", "func", "chan"]
    private static let statementEndingKeywords: [StaticString] = ["return", "break", "continue", "fallthrough"]
    private static let otherKeywords: [StaticString] = [
        "if", "for", "switch", "select", "go", "defer", "var", "const", "type", "import", "package", "case",
        "default", "range", "goto", "struct", "interface",
    ]

    private mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        func isOne(of keywords: [StaticString]) -> Bool {
            keywords.contains { $0.utf8CodeUnitCount == range.count && matches($0, bytes, range.lowerBound) }
        }
        if bytes[range.lowerBound] < UInt8(ascii: "a") || range.count > 11 {
            operand()
            previousWasIdentifier = true
        } else if isOne(of: Self.typePrefixKeywords) {
            prefix(statementEnd: false)
            afterTypeKeyword = true
        } else if range.count == 4 && matches("else", bytes, range.lowerBound) {
            chainStatement()
        } else if isOne(of: Self.statementEndingKeywords) {
            prefix(statementEnd: true)
        } else if isOne(of: Self.otherKeywords) {
            prefix(statementEnd: false)
        } else {
            operand()
            previousWasIdentifier = true
        }
    }

    private mutating func operand() {
        estimate -= levels[levels.count - 1].prefixes
        levels[levels.count - 1].prefixes = 0
        token(statementEnd: true)
    }

    /// A token that waits for an operand, or that an error leaves on the stack.
    private mutating func prefix(statementEnd: Bool) {
        levels[levels.count - 1].prefixes += 1
        estimate += 1
        token(statementEnd: statementEnd)
    }

    /// `else` and labels: the statement they start nests in theirs.
    private mutating func chainStatement() {
        levels[levels.count - 1].statementChain += 1
        estimate += 1
        token(statementEnd: false)
    }

    private mutating func open() {
        let closesOperand = !afterTypeKeyword
        if afterCloser { prefix(statementEnd: false) }  // `[4][4]T`, `f()()`: a group after a group may chain
        levels.append(Level(closesOperand: closesOperand))
        estimate += 1
        token(statementEnd: false)
        tokensInStatement = 0
    }

    private mutating func close() {
        guard levels.count > 1 else {
            token(statementEnd: true)
            return
        }
        let level = levels.removeLast()
        estimate -= 1 + level.prefixes + level.statementChain
        if level.closesOperand {
            operand()
        } else {
            token(statementEnd: true)
        }
        afterCloser = true
    }

    /// A newline ends the statement after an operand — unless a prefix chain is still open at this
    /// level (`var x [][]` then a newline leaves the parser waiting for the element type).
    private mutating func newline() {
        guard endsStatementAtNewline, levels[levels.count - 1].prefixes == 0 else { return }
        endStatement()
        endsStatementAtNewline = false
        tokensInStatement = 0
    }

    private mutating func endStatement() {
        let level = levels[levels.count - 1]
        estimate -= level.prefixes + level.statementChain
        levels[levels.count - 1].prefixes = 0
        levels[levels.count - 1].statementChain = 0
    }

    private mutating func token(statementEnd: Bool) {
        endsStatementAtNewline = statementEnd
        afterCloser = false
        afterTypeKeyword = false
        previousWasIdentifier = false
        tokensInStatement += 1
    }
}
