/// A hashed identifier (FNV-1a of its bytes), compared without building Strings. A collision can
/// only make `PackageContext` hand out a declaration nobody asked for.
public struct NameKey: Hashable, Sendable {
    let value: UInt64

    public init(_ name: String) { self.init(Array(name.utf8)[...]) }

    init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        value = hash
    }
}

/// The top level of a Go file as a light lexer sees it (comments, strings, runes, raw strings,
/// brackets; no tree): each declaration's byte range, the names it declares and the inside of
/// function bodies. Lets a file read only for package context be parsed without its bodies, or
/// a declaration at a time (`PackageContext`).
public struct TopLevelOutline {
    public struct Declaration {
        public enum Kind: Sendable {
            /// The comments before the package clause; the package clause; an import declaration.
            case header, packageClause, imports
            case function, method, value, type
        }

        public var kind: Kind
        /// From the keyword to the newline after its last token: the comments between
        /// declarations (doc comments) are in none.
        public var range: Range<Int>
        /// Strictly inside the braces of a function or method body; nil without a (closed) body.
        public var bodyInterior: Range<Int>?
        /// Function, variable, constant and type names (none for a method).
        var declares: [NameKey] = []
        /// A method's name.
        var methodName: NameKey?
        /// A method's receiver type (`T` in `(r *T[K])`).
        var receiverType: NameKey?

        /// Package clause, imports and header: the file needs them whatever else is taken.
        var isAlwaysNeeded: Bool { kind == .header || kind == .packageClause || kind == .imports }
    }

    public private(set) var declarations: [Declaration] = []

    public init(_ bytes: [UInt8]) {
        declarations = bytes.withUnsafeBufferPointer { buffer in
            var builder = OutlineBuilder(lexer: GoLexer(bytes: buffer))
            return builder.run()
        }
    }

    /// Every identifier of a file, bodies included: what the file may refer to.
    public static func names(in bytes: [UInt8]) -> Set<NameKey> {
        var names = Set<NameKey>()
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = GoLexer(bytes: buffer)
            while true {
                switch lexer.next() {
                case .end: return
                case .identifier(let identifier): if let key = lexer.name(identifier) { names.insert(key) }
                default: continue
                }
            }
        }
        return names
    }

    /// The byte ranges of the declarations at `indices` (in order) without their function bodies,
    /// adjacent ranges merged: what `GoParser.parse(_:ranges:)` takes.
    public func ranges(of indices: [Int]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        func append(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if let last = result.last, last.upperBound == range.lowerBound {
                result[result.count - 1] = last.lowerBound..<range.upperBound
            } else {
                result.append(range)
            }
        }
        for index in indices {
            let declaration = declarations[index]
            if let body = declaration.bodyInterior {
                append(declaration.range.lowerBound..<body.lowerBound)
                append(body.upperBound..<declaration.range.upperBound)
            } else {
                append(declaration.range)
            }
        }
        return result
    }

    /// Every declaration, without function bodies.
    public var declarationRanges: [Range<Int>] { ranges(of: Array(declarations.indices)) }
}

/// The declarations of a package's other files, handed out by name for a file analysed without
/// parsing them whole (an editor's file): when a package-level lookup first asks for a name (or a
/// method of a type), the declarations of that name not handed out yet are given as byte ranges
/// to parse, with their file's package clause and imports. Lookups made while analysing the file
/// then answer as they would with the whole package, having parsed only what they read.
public final class PackageContext {
    public typealias Ranges = (file: Int, ranges: [Range<Int>])
    private typealias Place = (file: Int, declaration: Int)

    private struct MethodKey: Hashable {
        var type: NameKey
        var name: NameKey
    }

    private let files: [TopLevelOutline]
    /// Functions, variables, constants and types by name.
    private var declaring: [NameKey: [Place]] = [:]
    private var methods: [MethodKey: [Place]] = [:]
    private var methodsNamed: [NameKey: [Place]] = [:]
    private var handedOut: [[Bool]]

    public init(_ files: [TopLevelOutline]) {
        self.files = files
        handedOut = files.map { [Bool](repeating: false, count: $0.declarations.count) }
        for (fileIndex, file) in files.enumerated() {
            for (index, declaration) in file.declarations.enumerated() {
                if let name = declaration.methodName {
                    methodsNamed[name, default: []].append((fileIndex, index))
                    if let type = declaration.receiverType { methods[MethodKey(type: type, name: name), default: []].append((fileIndex, index)) }
                } else {
                    for name in declaration.declares { declaring[name, default: []].append((fileIndex, index)) }
                }
            }
        }
    }

    /// The functions, variables, constants and types called `name` not handed out yet.
    public func take(declaring name: String) -> [Ranges] { take(declaring[NameKey(name)] ?? []) }

    /// The methods called `name` on the type called `type` not handed out yet.
    public func take(method name: String, ofType type: String) -> [Ranges] {
        take(methods[MethodKey(type: NameKey(type), name: NameKey(name))] ?? [])
    }

    /// The methods called `name`, on any type, not handed out yet.
    public func take(methodsNamed name: String) -> [Ranges] { take(methodsNamed[NameKey(name)] ?? []) }

    /// The declarations of file `file` that declare one of `names` (methods: whose name and
    /// type are both among them) not handed out yet: to parse ahead of the lookups, a file at a
    /// time.
    public func take(declaringAnyOf names: Set<NameKey>, inFile file: Int) -> Ranges? {
        let found = files[file].declarations.indices.filter { index in
            let declaration = files[file].declarations[index]
            if let method = declaration.methodName {
                return names.contains(method) && declaration.receiverType.map(names.contains) == true
            }
            return declaration.declares.contains(where: names.contains)
        }
        return take(found.map { (file, $0) }).first
    }

    public var fileCount: Int { files.count }

    /// Per file in file order: the ranges of its declarations among `found` not handed out yet,
    /// after its package clause and imports.
    private func take(_ found: [Place]) -> [Ranges] {
        var chosen: [Int: [Int]] = [:]
        for (file, declaration) in found where !handedOut[file][declaration] {
            handedOut[file][declaration] = true
            chosen[file, default: []].append(declaration)
        }
        return chosen.keys.sorted().map { fileIndex in
            let file = files[fileIndex]
            let header = file.declarations.indices.filter { file.declarations[$0].isAlwaysNeeded }
            return (fileIndex, file.ranges(of: header + chosen[fileIndex, default: []].sorted()))
        }
    }
}

/// Go tokens as far as the outline needs them: identifiers, single punctuation bytes, newlines;
/// comments are skipped (a block comment spanning lines counts as a newline, as in Go) and
/// literals collapse to one token.
struct GoLexer {
    enum Token: Equatable {
        case identifier(Range<Int>)
        case punctuation(UInt8)
        case newline, literal, end
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func next() -> Token {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                index += 1
                return .newline
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                if skipBlockComment() { return .newline }
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
                skipQuoted(byte)
                return .literal
            default:
                guard SourceText.isIdentifierByte(byte) else {
                    index += 1
                    return .punctuation(byte)
                }
                let start = index
                while index < bytes.count && SourceText.isIdentifierByte(bytes[index]) { index += 1 }
                return .identifier(start..<index)
            }
        }
        return .end
    }

    /// The key of an identifier token; nil for a number.
    func name(_ range: Range<Int>) -> NameKey? {
        let first = bytes[range.lowerBound]
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") { return nil }
        return NameKey(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    func text(_ range: Range<Int>, is word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual($0) }
    }

    /// From the `{` at `open`: the index of its matching `}`, or nil at the end of the file. Looks
    /// only at braces, comments and literals: this runs over most of a file's bytes.
    mutating func skipBlock(from open: Int) -> Int? {
        index = open + 1
        var depth = 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 {
                    let close = index
                    index += 1
                    return close
                }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                _ = skipBlockComment()
                continue
            case let quote where quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`"):
                skipQuoted(quote)
                continue
            default:
                break
            }
            index += 1
        }
        return nil
    }

    private func peek(_ distance: Int) -> UInt8? {
        index + distance < bytes.count ? bytes[index + distance] : nil
    }

    /// Past `*/`; whether the comment spans lines.
    private mutating func skipBlockComment() -> Bool {
        var newline = false
        index += 2
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") { index += 2; return newline }
            if bytes[index] == UInt8(ascii: "\n") { newline = true }
            index += 1
        }
        return newline
    }

    /// Past a string, rune or raw string; an unterminated interpreted string or rune ends at the
    /// newline, as in Go's lexer.
    private mutating func skipQuoted(_ quote: UInt8) {
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
}

/// The state machine behind `TopLevelOutline`.
private struct OutlineBuilder {
    var lexer: GoLexer
    var declarations = [TopLevelOutline.Declaration(kind: .header, range: 0..<0)]
    /// Nesting of ( [ { inside the current declaration.
    var depth = 0
    /// Where the current declaration ends so far: after its last token, then after the newline
    /// that follows it.
    var contentEnd = 0
    var awaitingNewline = false
    /// After a newline or `;` at depth 0: a keyword here starts a declaration.
    var atDeclarationStart = true
    var previousWasTypeKeyword = false

    /// Where the names of a var, const or type declaration are.
    enum NameState {
        case none
        /// Right after `var`/`const`/`type`: a `(` here opens a group.
        case afterKeyword
        /// The next identifier at `depth` is a declared name; `list`: more may follow after commas.
        case expecting(depth: Int, list: Bool)
        case afterName(depth: Int)
        /// In a group, past the names of a spec: names start again on the next line.
        case waitingForSpec
    }

    enum FunctionState { case none, afterKeyword, receiver, afterReceiver, signature }

    var names = NameState.none
    var function = FunctionState.none
    var groupKind: TopLevelOutline.Declaration.Kind?
    /// The last identifier of a method's receiver outside brackets: its type (`T` in `r *T[K]`).
    var receiverType: NameKey?
    var brackets = 0

    mutating func run() -> [TopLevelOutline.Declaration] {
        while true {
            let token = lexer.next()
            switch token {
            case .end:
                close()
                return declarations
            case .newline:
                if awaitingNewline { contentEnd = lexer.index; awaitingNewline = false }
                endOfLine()
                continue
            case .punctuation(UInt8(ascii: ";")):
                endOfLine()
            case .identifier(let range):
                identifier(range)
            case .punctuation(let byte):
                punctuation(byte)
            case .literal:
                if case .afterName(let level) = names, level == depth { names = groupKind == nil ? .none : .waitingForSpec }
                previousWasTypeKeyword = false
                if depth == 0 { atDeclarationStart = false }
            }
            contentEnd = lexer.index
            awaitingNewline = true
        }
    }

    private mutating func close() {
        let last = declarations.count - 1
        let start = declarations[last].range.lowerBound
        declarations[last].range = start..<max(start, contentEnd)
    }

    private mutating func endOfLine() {
        if depth == 0 {
            atDeclarationStart = true
            if function == .signature || function == .afterReceiver { function = .none }  // a function without a body
            if case .afterName = names { names = .none }
        } else if depth == 1, let kind = groupKind, kind == .value || kind == .type {
            names = .expecting(depth: 1, list: kind == .value)
        }
        previousWasTypeKeyword = false
    }

    private mutating func identifier(_ range: Range<Int>) {
        if depth == 0 && atDeclarationStart, let kind = declarationKind(range) {
            start(kind, at: range.lowerBound)
            return
        }
        if depth == 0 { atDeclarationStart = false }
        let key = lexer.name(range)
        previousWasTypeKeyword = lexer.text(range, is: "struct") || lexer.text(range, is: "interface")
        switch names {
        case .afterKeyword:
            if let key { declarations[declarations.count - 1].declares.append(key) }
            names = declarations[declarations.count - 1].kind == .value ? .afterName(depth: 0) : .none
        case .expecting(let level, let list) where level == depth:
            if let key { declarations[declarations.count - 1].declares.append(key) }
            names = list ? .afterName(depth: level) : (groupKind == nil ? .none : .waitingForSpec)
        case .afterName(let level) where level == depth:
            names = groupKind == nil ? .none : .waitingForSpec
        default:
            break
        }
        switch function {
        case .afterKeyword:
            if let key { declarations[declarations.count - 1].declares.append(key) }
            function = .signature
        case .receiver where brackets == 0:
            receiverType = key
        case .afterReceiver:
            declarations[declarations.count - 1].methodName = key
            function = .signature
        default:
            break
        }
    }

    private mutating func punctuation(_ byte: UInt8) {
        if depth == 0 { atDeclarationStart = false }
        defer { previousWasTypeKeyword = false }
        switch byte {
        case UInt8(ascii: "("):
            if case .afterKeyword = names {
                groupKind = declarations[declarations.count - 1].kind
                names = .expecting(depth: 1, list: groupKind == .value)
            } else if function == .afterKeyword {
                function = .receiver
            }
            depth += 1
        case UInt8(ascii: "["):
            depth += 1
            brackets += 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            depth = max(0, depth - 1)
            if byte == UInt8(ascii: "]") { brackets = max(0, brackets - 1) }
            if depth == 0 && byte == UInt8(ascii: ")") {
                if function == .receiver {
                    declarations[declarations.count - 1].receiverType = receiverType
                    declarations[declarations.count - 1].kind = .method
                    function = .afterReceiver
                }
                if groupKind != nil { groupKind = nil; names = .none }
            }
        case UInt8(ascii: "{"):
            if function == .signature && depth == 0 && !previousWasTypeKeyword {
                let open = lexer.index - 1
                if let close = lexer.skipBlock(from: open) {
                    declarations[declarations.count - 1].bodyInterior = open + 1..<close
                }
                function = .none
                return
            }
            depth += 1
        case UInt8(ascii: ","):
            if case .afterName(let level) = names, level == depth { names = .expecting(depth: level, list: true) }
        default:
            if case .afterName(let level) = names, level == depth { names = groupKind == nil ? .none : .waitingForSpec }
        }
    }

    private func declarationKind(_ range: Range<Int>) -> TopLevelOutline.Declaration.Kind? {
        if lexer.text(range, is: "func") { return .function }
        if lexer.text(range, is: "var") || lexer.text(range, is: "const") { return .value }
        if lexer.text(range, is: "type") { return .type }
        if lexer.text(range, is: "import") { return .imports }
        if lexer.text(range, is: "package") { return .packageClause }
        return nil
    }

    private mutating func start(_ kind: TopLevelOutline.Declaration.Kind, at offset: Int) {
        close()
        declarations.append(TopLevelOutline.Declaration(kind: kind, range: offset..<offset))
        atDeclarationStart = false
        previousWasTypeKeyword = false
        depth = 0
        brackets = 0
        groupKind = nil
        receiverType = nil
        names = kind == .value || kind == .type ? .afterKeyword : .none
        function = kind == .function ? .afterKeyword : .none
    }
}
