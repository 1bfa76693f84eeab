/// Finds the bodies of top-level function and method declarations with a light Go lexer (comments,
/// strings, runes, raw strings and bracket depths; no tree). Lets a file that is read only for its
/// package-level declarations be parsed without its bodies, which are most of its text.
public enum FunctionBodies {
    /// The byte ranges strictly inside the braces of each top-level function or method body, in
    /// order. A declaration whose body is not closed before the end of the file is left out, so a
    /// half-written file loses nothing that a full parse would see.
    public static func interiors(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.run()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var interiors: [Range<Int>] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The state between tokens at the top level of the file.
        enum Position {
            /// At the start of a declaration: a `func` here begins a function declaration.
            case declarationStart
            /// Inside any other top-level text.
            case other
            /// In a function's signature: the next `{` at depth 0 opens the body, unless it
            /// follows `struct` or `interface`.
            case signature
        }

        mutating func run() -> [Range<Int>] {
            var position = Position.declarationStart
            var depth = 0  // (, [ and the braces of struct/interface types in a signature
            var previousWasTypeKeyword = false
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\n"), UInt8(ascii: ";"):
                    index += 1
                    if depth == 0 { position = .declarationStart }
                    continue
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                    continue
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                    skipLineComment()
                    continue
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    skipBlockComment()
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                    skipQuoted(byte)
                case UInt8(ascii: "("), UInt8(ascii: "["):
                    depth += 1
                    index += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth = max(0, depth - 1)
                    index += 1
                case UInt8(ascii: "{"):
                    if position == .signature && depth == 0 && !previousWasTypeKeyword {
                        let open = index
                        guard let close = matchingBrace(from: open) else { return interiors }
                        interiors.append(open + 1..<close)
                        index = close + 1
                        position = .other
                        previousWasTypeKeyword = false
                        continue
                    }
                    depth += 1
                    index += 1
                default:
                    if isIdentifierByte(byte) {
                        let start = index
                        while index < bytes.count && isIdentifierByte(bytes[index]) { index += 1 }
                        let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                        if position == .declarationStart && depth == 0 && word.elementsEqual("func".utf8) {
                            position = .signature
                            previousWasTypeKeyword = false
                            continue
                        }
                        previousWasTypeKeyword = word.elementsEqual("struct".utf8) || word.elementsEqual("interface".utf8)
                        if position == .declarationStart { position = .other }
                        continue
                    }
                    index += 1
                }
                previousWasTypeKeyword = false
                if position == .declarationStart { position = .other }
            }
            return interiors
        }

        /// The index of the `}` closing the `{` at `open`, or nil at the end of the file.
        mutating func matchingBrace(from open: Int) -> Int? {
            var depth = 0
            index = open
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "{"):
                    depth += 1
                case UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { return index }
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                    skipLineComment()
                    continue
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    skipBlockComment()
                    continue
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                    skipQuoted(byte)
                    continue
                default:
                    break
                }
                index += 1
            }
            return nil
        }

        func peek(_ distance: Int) -> UInt8? {
            index + distance < bytes.count ? bytes[index + distance] : nil
        }

        /// Up to (not over) the newline, which ends a declaration.
        mutating func skipLineComment() {
            while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
        }

        mutating func skipBlockComment() {
            index += 2
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") { index += 2; return }
                index += 1
            }
        }

        /// Past a string, rune or raw string; an unterminated interpreted string or rune ends at
        /// the newline, as in Go's lexer.
        mutating func skipQuoted(_ quote: UInt8) {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == quote { index += 1; return }
                if quote != UInt8(ascii: "`") {
                    if byte == UInt8(ascii: "\n") { return }
                    if byte == UInt8(ascii: "\\") { index += 1 }
                }
                index += 1
            }
        }

        /// Letters, digits, `_` and every byte of a multi-byte UTF-8 sequence (Go identifiers may
        /// hold Unicode letters).
        func isIdentifierByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
        }
    }
}
