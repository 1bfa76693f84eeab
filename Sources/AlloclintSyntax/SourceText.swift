import Glibc

/// A position in a source file: 1-based line, and 1-based columns in UTF-8 bytes and UTF-16 units.
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public var utf16Column: Int
    public var offset: Int

    public init(line: Int, column: Int, utf16Column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }
}

public struct SourceRange: Hashable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }
}

/// The bytes of one Go file and the conversions from byte offsets to positions.
public final class SourceText: @unchecked Sendable {
    public let bytes: [UInt8]
    /// Byte offset at which each line starts (computed on first use).
    private var lineStartsStorage: [Int]?
    /// For each sequence of more UTF-8 bytes than UTF-16 units, its end offset and the excess of
    /// bytes over units up to there (computed on first use).
    private var utf16ExcessStorage: (ends: [Int], excess: [Int])?
    /// Whether tree-sitter survives parsing the bytes (`ParserCrashGuard`), once known: a file
    /// parsed twice (declarations first, whole when linted) is tried in a child once.
    var parseIsSafe: Bool?

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public convenience init(_ string: String) { self.init(bytes: Array(string.utf8)) }

    public func text(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    public func bytesEqual(_ range: Range<Int>, _ expected: StaticString) -> Bool {
        guard range.count == expected.utf8CodeUnitCount, range.upperBound <= bytes.count else { return false }
        return expected.withUTF8Buffer { expectedBytes in
            var index = range.lowerBound
            for byte in expectedBytes {
                if bytes[index] != byte { return false }
                index += 1
            }
            return true
        }
    }

    /// Letters, digits, `_` and every byte of a multi-byte UTF-8 sequence (Go identifiers may
    /// hold Unicode letters).
    public static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// Whether `word` occurs as a whole word anywhere in the text (code, comments or strings).
    public func containsWord(_ word: String) -> Bool {
        let word = Array(word.utf8)
        guard let first = word.first else { return false }
        var index = 0
        while index + word.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + word.count].elementsEqual(word),
               index == 0 || !Self.isIdentifierByte(bytes[index - 1]),
               index + word.count == bytes.count || !Self.isIdentifierByte(bytes[index + word.count]) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Lines as `wc -l` counts them, plus a last line without a newline.
    public var lineCount: Int {
        let newline = UInt8(ascii: "\n")
        var newlines = 0
        if let lineStartsStorage { newlines = lineStartsStorage.count - 1 } else { forEachNewline { _ in newlines += 1 } }
        return newlines + (bytes.last.map { $0 != newline } ?? false ? 1 : 0)
    }

    public var lineStarts: [Int] {
        if let lineStartsStorage { return lineStartsStorage }
        var starts = [0]
        forEachNewline { starts.append($0 + 1) }
        lineStartsStorage = starts
        return starts
    }

    /// Calls `body` with the offset of every `\n`, in order (found by `memchr`, many bytes at a time).
    private func forEachNewline(_ body: (Int) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                body(index)
                offset = index + 1
            }
        }
    }

    /// The position of a byte offset.
    public func position(at offset: Int) -> SourcePosition {
        let offset = min(max(offset, 0), bytes.count)
        let starts = lineStarts
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = starts[low]
        return SourcePosition(
            line: low + 1, column: offset - lineStart + 1,
            utf16Column: utf16Length(lineStart..<offset) + 1, offset: offset)
    }

    public func range(of byteRange: Range<Int>) -> SourceRange {
        SourceRange(start: position(at: byteRange.lowerBound), end: position(at: byteRange.upperBound))
    }

    /// The text of 1-based `line` without its line terminator.
    public func line(_ line: Int) -> String {
        let starts = lineStarts
        guard line >= 1, line <= starts.count else { return "" }
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > starts[line - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return text(starts[line - 1]..<max(end, starts[line - 1]))
    }

    /// UTF-16 code units of the bytes in `range`, whose bounds start sequences; invalid UTF-8
    /// counts one unit per replaced sequence, as `String(decoding:as:)` does. A lookup, not a scan:
    /// a file of one long line may have thousands of findings on it.
    private func utf16Length(_ range: Range<Int>) -> Int {
        let table = utf16Excess
        guard !table.ends.isEmpty else { return range.count }
        return range.count - (excess(before: range.upperBound, table) - excess(before: range.lowerBound, table))
    }

    /// The excess of the sequences that end at or before `offset`.
    private func excess(before offset: Int, _ table: (ends: [Int], excess: [Int])) -> Int {
        var low = 0, high = table.ends.count  // first sequence ending after offset
        while low < high {
            let mid = (low + high) / 2
            if table.ends[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? 0 : table.excess[low - 1]
    }

    private var utf16Excess: (ends: [Int], excess: [Int]) {
        if let utf16ExcessStorage { return utf16ExcessStorage }
        var ends: [Int] = [], excess: [Int] = []
        var total = 0
        // ASCII bytes are one unit each and never part of another sequence (nor of an invalid
        // one): only the runs of other bytes are decoded.
        var runStart = bytes.firstIndex { $0 >= 0x80 } ?? bytes.count
        while runStart < bytes.count {
            let runEnd = bytes[runStart...].firstIndex { $0 < 0x80 } ?? bytes.count
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes[runStart..<runEnd].makeIterator()
            var offset = runStart
            parsing: while true {
                let length, units: Int
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded):
                    length = encoded.count
                    units = length == 4 ? 2 : 1
                case .error(let errorLength):
                    length = errorLength
                    units = 1  // U+FFFD
                case .emptyInput:
                    break parsing
                }
                offset += length
                if length != units {
                    total += length - units
                    ends.append(offset)
                    excess.append(total)
                }
            }
            runStart = bytes[runEnd...].firstIndex { $0 >= 0x80 } ?? bytes.count
        }
        utf16ExcessStorage = (ends, excess)
        return (ends, excess)
    }
}
