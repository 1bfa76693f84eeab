import CTreeSitter
import TreeSitterGo

/// A parsed Go file: the tree-sitter tree and the source it was parsed from.
public final class SyntaxTree {
    let raw: OpaquePointer
    public let source: SourceText
    /// tree-sitter built this tree wrongly, and it must not be deleted.
    ///
    /// tree-sitter 0.20.7 (Debian's) builds the ERROR node that ends a file of 65,536 or more
    /// pending tokens (unclosed brackets, prefix operators…) with a child count that wraps at 16
    /// bits: the node loses children, and `ts_tree_delete` then frees a pointer into the middle
    /// of an allocation (`ParserCrashGuard` has the other way this bug crashes). Such a tree is leaked
    /// instead of deleted, and the file reported as not parsed. The lost children shrink the
    /// root, which otherwise always ends at the end of the source (checked on every file of the
    /// Go 1.19 tree). Only hostile input gets here.
    let isDamaged: Bool
    /// Where the parser gave up (`ParserCrashGuard`), when the file was not parsed: the tree is
    /// then empty.
    public let unparsedOffset: Int?

    init(raw: OpaquePointer, source: SourceText, unparsedOffset: Int? = nil) {
        self.raw = raw
        self.source = source
        self.unparsedOffset = unparsedOffset
        let root = Node(ts_tree_root_node(raw))
        isDamaged = root.hasError && root.endByte != source.bytes.count
    }

    deinit {
        if !isDamaged { ts_tree_delete(raw) }
    }

    public var root: Node { Node(ts_tree_root_node(raw)) }

    /// Whether the file parsed, and without an error.
    public var parsesCleanly: Bool { unparsedOffset == nil && firstError == nil }

    /// The first ERROR or MISSING node in source order, if the file does not parse cleanly.
    public var firstError: Node? {
        guard root.hasError else { return nil }
        var found: Node?
        root.walk(enterErrors: true) { node in
            if found != nil { return .stop }
            if node.isError || node.isMissing { found = node; return .stop }
            return node.hasError ? .visitChildren : .skipChildren
        }
        return found
    }

    /// Whether `block` is a function body that a partial parse (`parseDeclarations`, or
    /// `parse(_:ranges:)`) left out: no statements, yet text between its braces.
    public func isUnparsedBody(_ block: Node) -> Bool {
        guard block.namedChildCount == 0, block.byteRange.count > 2, block.endByte <= source.bytes.count else { return false }
        let interior = source.bytes[(block.startByte + 1)..<(block.endByte - 1)]
        return interior.contains { !($0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")) }
    }

    /// The source text of `node`.
    public func text(_ node: Node) -> String { source.text(node.byteRange) }

    /// Whether the text of `node` is exactly `expected`, without allocating a String.
    public func textEquals(_ node: Node, _ expected: StaticString) -> Bool {
        source.bytesEqual(node.byteRange, expected)
    }
}

/// A parser for Go; not thread-safe, so each worker owns one.
public final class GoParser {
    private let raw: OpaquePointer
    /// The wall time tree-sitter is given at a time (see `parse(bytes:)`).
    private let timeSlice: Double

    public convenience init() throws(GrammarError) { try self.init(timeSlice: 0.25) }

    init(timeSlice: Double) throws(GrammarError) {
        self.timeSlice = timeSlice
        try GoGrammar.validate()
        raw = ts_parser_new()
        guard ts_parser_set_language(raw, GoGrammar.language) else {
            ts_parser_delete(raw)
            throw GrammarError(message: "the tree-sitter runtime refused the tree-sitter-go \(ALLOCLINT_TREE_SITTER_GO_VERSION) grammar")
        }
    }

    deinit { ts_parser_delete(raw) }

    public func parse(_ source: SourceText) -> SyntaxTree {
        let safe = source.parseIsSafe
            ?? (!ParserCrashGuard.isRisky(source.bytes) || ParserCrashGuard.parseSurvivesInChild(source.bytes, language: GoGrammar.language))
        source.parseIsSafe = safe
        guard safe else { return unparsed(source, at: 0) }
        guard let raw = parse(bytes: source.bytes) else { return unparsed(source, at: 0) }
        let tree = SyntaxTree(raw: raw, source: source)
        guard tree.isDamaged else { return tree }
        // Linting what is left of a damaged tree would report nonsense (its first error is at the
        // start of the file): the file is reported as not parsed, and the damaged tree leaked.
        return unparsed(source, at: tree.root.endByte)
    }

    /// An empty tree for a file the parser could not handle (`SyntaxTree.unparsedOffset`).
    private func unparsed(_ source: SourceText, at offset: Int) -> SyntaxTree {
        // An empty input parses at once, within any time limit.
        SyntaxTree(raw: parse(bytes: [])!, source: source, unparsedOffset: offset)
    }

    /// The tree of `bytes`, or nil when the parse takes more than `ParserCrashGuard.timeLimit`
    /// of this thread's CPU time: error recovery on some hostile inputs takes time quadratic in
    /// their length. tree-sitter's own timeout counts wall time, which a loaded machine stretches
    /// (a linter at low priority may wait seconds for a core), so it is only a slice: when it
    /// fires, the CPU time decides, and the parse resumes where it stopped.
    private func parse(bytes: [UInt8]) -> OpaquePointer? {
        let limit = ParserCrashGuard.timeLimit(forBytes: bytes.count)
        let started = ParserCrashGuard.threadCPUTime()
        var tree: OpaquePointer?
        repeat {
            let left = limit - (ParserCrashGuard.threadCPUTime() - started)
            guard left > 0 else { break }
            ts_parser_set_timeout_micros(raw, UInt64(max(min(left, timeSlice), 0.001) * 1e6))
            tree = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    ts_parser_parse_string(raw, nil, $0.baseAddress, UInt32($0.count))
                }
            }
        } while tree == nil
        if tree == nil { ts_parser_reset(raw) }  // the next parse starts afresh
        return tree
    }

    /// Parses everything but the inside of top-level function bodies, which come out as empty
    /// blocks at their real positions. For files read only for their package-level declarations:
    /// the parser never sees most of their text.
    public func parseDeclarations(_ source: SourceText) -> SyntaxTree {
        parse(source, ranges: TopLevelOutline(source.bytes).declarationRanges)
    }

    /// Parses only the given byte ranges (sorted, disjoint) of `source`, as if the rest were not
    /// there; nodes keep their real positions.
    public func parse(_ source: SourceText, ranges: [Range<Int>]) -> SyntaxTree {
        guard ranges != [0..<source.bytes.count] else { return parse(source) }
        let included = ranges.map { range in
            TSRange(start_point: point(source, range.lowerBound), end_point: point(source, range.upperBound),
                    start_byte: UInt32(range.lowerBound), end_byte: UInt32(range.upperBound))
        }
        guard !included.isEmpty, ts_parser_set_included_ranges(raw, included, UInt32(included.count)) else { return parse(source) }
        defer { ts_parser_set_included_ranges(raw, nil, 0) }
        return parse(source)
    }

    private func point(_ source: SourceText, _ offset: Int) -> TSPoint {
        let position = source.position(at: offset)
        return TSPoint(row: UInt32(position.line - 1), column: UInt32(position.column - 1))
    }
}
