/// Makes fuzz inputs: mutated real Go files (byte flips, truncations, token insertions, splices),
/// deeply nested constructs, and noise. Every input is a pure function of its generator.
struct InputGenerator {
    let corpus: [[UInt8]]

    /// Inputs grow by duplication and splicing; beyond this they are cut, to keep executions fast.
    static let sizeLimit = 1 << 20

    func input(_ random: inout SplitMix64) -> [UInt8] {
        let roll = random.below(100)
        var bytes: [UInt8]
        if roll < 75 {
            bytes = corpus.isEmpty ? Array("package p\n".utf8) : random.pick(corpus)
            for _ in 0..<(1 + random.below(6)) { mutate(&bytes, &random) }
        } else if roll < 93 {
            bytes = InputGenerator.nested(&random)
            if random.chance(30) { mutate(&bytes, &random) }
        } else {
            bytes = InputGenerator.noise(&random)
        }
        if bytes.count > InputGenerator.sizeLimit { bytes.removeSubrange(InputGenerator.sizeLimit...) }
        return bytes
    }

    // MARK: Mutations

    /// Go tokens, directives and byte sequences that make the parser and the rules take unusual
    /// paths when dropped into a file.
    static let dictionary: [[UInt8]] = [
        "{", "}", "(", ")", "[", "]", ";", ",", ".", ":=", "=", "...", "*", "&", "<-", "\n", " ", "\"", "`",
        "'", "/*", "*/", "//", "func", "func() {", "for ", "for range xs {", "for i := 0; i < n; i++ {",
        "range", "defer ", "go ", "return ", "break", "continue", "goto L", "L:", "if ", "else ", "switch ",
        "case ", "default:", "select {", "type T ", "struct{", "interface{", "any", "map[string]", "[]byte",
        "chan ", "var ", "const ", "import \"sync\"\n", "sync.Pool", "p.Put(", "p.Get()", ".(*bytes.Buffer)",
        "append(s, ", "make([]int, 0)", "s += ", "fmt.Println(", "package ", "//alloclint:ignore all\n",
        "//nolint\n", "//go:build go1.22\n", "0x", "1e", "_", "\u{FEFF}", "é",
    ].map { Array($0.utf8) } + [[0], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0x0D]]

    func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let position = random.below(bytes.count + 1)
        switch random.below(9) {
        case 0:  // flip one bit
            guard !bytes.isEmpty else { fallthrough }
            bytes[min(position, bytes.count - 1)] ^= UInt8(1) << UInt8(random.below(8))
        case 1:  // insert a token
            bytes.insert(contentsOf: random.pick(InputGenerator.dictionary), at: position)
        case 2:  // set a byte to anything
            guard !bytes.isEmpty else { fallthrough }
            bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
        case 3:  // delete a short range
            let end = min(bytes.count, position + 1 + random.below(16))
            bytes.removeSubrange(position..<end)
        case 4:  // truncate
            bytes.removeSubrange(position...)
        case 5:  // duplicate a range elsewhere
            guard !bytes.isEmpty else { fallthrough }
            let start = random.below(bytes.count)
            let end = min(bytes.count, start + 1 + random.below(256))
            bytes.insert(contentsOf: bytes[start..<end], at: random.below(bytes.count + 1))
        case 6:  // splice: this file's head, another file's tail
            guard let other = corpus.isEmpty ? nil : random.pick(corpus) else { fallthrough }
            bytes = Array(bytes[..<position]) + other[random.below(other.count + 1)...]
        case 7:  // swap two lines
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard lines.count > 1 else { fallthrough }
            lines.swapAt(random.below(lines.count), random.below(lines.count))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        default:  // repeat a token many times
            let token = random.pick(InputGenerator.dictionary)
            let times = 1 + random.below(random.chance(10) ? 2_000 : 20)
            bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: times).joined()), at: position)
        }
    }

    // MARK: Deep nesting

    /// A construct that nests: `open` is repeated `depth` times around `core`, then `close`.
    struct Nesting {
        var before: String
        var open: String
        var core: String
        var close: String
        var after: String
    }

    /// Every construct that makes a deep tree: expressions, statements, types, literals; each one
    /// walked, resolved and typed by some layer.
    static let nestings: [Nesting] = [
        Nesting(before: "package p\nvar x = ", open: "(", core: "f", close: ")", after: "(1)\n"),
        Nesting(before: "package p\nvar x = (", open: "*", core: "T", close: "", after: ")(v)\n"),
        Nesting(before: "package p\nvar x = ", open: "&", core: "v", close: "", after: "\n"),
        Nesting(before: "package p\nvar x = ", open: "-", core: "1", close: "", after: "\n"),
        Nesting(before: "package p\nvar x = 1", open: " + s", core: "", close: "", after: "\n"),
        Nesting(before: "package p\nvar x = v", open: ".f", core: "", close: "", after: "\n"),
        Nesting(before: "package p\nvar x = f", open: "()", core: "", close: "", after: "\n"),
        Nesting(before: "package p\nvar x = a", open: "[0]", core: "", close: "", after: "\n"),
        Nesting(before: "package p\nvar x = a", open: "[1:]", core: "", close: "", after: "\n"),
        Nesting(before: "package p\nvar x = ", open: "f(", core: "0", close: ")", after: "\n"),
        Nesting(before: "package p\nvar x = ", open: "[]any{", core: "", close: "}", after: "\n"),
        Nesting(before: "package p\nvar x = T", open: "{f: T", core: "{}", close: "}", after: "\n"),
        Nesting(before: "package p\nvar x = ", open: "func() any { return ", core: "nil", close: " }()", after: "\n"),
        Nesting(before: "package p\nvar x ", open: "[]", core: "int", close: "", after: "\n"),
        Nesting(before: "package p\nvar x ", open: "*", core: "int", close: "", after: "\n"),
        Nesting(before: "package p\nvar x ", open: "map[string]", core: "int", close: "", after: "\n"),
        Nesting(before: "package p\nvar x ", open: "chan ", core: "int", close: "", after: "\n"),
        Nesting(before: "package p\ntype T ", open: "struct{ f ", core: "int", close: " }", after: "\n"),
        Nesting(before: "package p\nvar x ", open: "func(", core: "", close: ")", after: "\n"),
        Nesting(before: "package p\nfunc f() {\n", open: "{", core: "", close: "}", after: "\n}\n"),
        Nesting(before: "package p\nfunc f(xs []int) {\n", open: "for range xs {\n", core: "defer g()\n",
                close: "}\n", after: "}\n"),
        Nesting(before: "package p\nfunc f(xs []int, s string) {\n", open: "for _, x := range xs {\n",
                core: "go func() { s += x }()\n", close: "}\n", after: "}\n"),
        Nesting(before: "package p\nfunc f() {\n", open: "if x {\n", core: "x = y\n", close: "}\n", after: "}\n"),
        Nesting(before: "package p\nfunc f() {\nif a {\n", open: "} else if a {\n", core: "", close: "", after: "}\n}\n"),
        Nesting(before: "package p\nfunc f() {\n", open: "switch {\ncase x:\n", core: "", close: "}\n", after: "}\n"),
        Nesting(before: "package p\nfunc f() {\n", open: "func() {\n", core: "defer g()\n", close: "}()\n", after: "}\n"),
        Nesting(before: "package p\nimport \"sync\"\nvar p sync.Pool\nfunc f(b []byte) {\n", open: "for {\np.Put(b)\n",
                core: "b = p.Get().([]byte)\n", close: "}\n", after: "}\n"),
        Nesting(before: "package p\nfunc f() {\n", open: "L: ", core: "goto L\n", close: "", after: "}\n"),
        Nesting(before: "package p\nfunc f() {\n", open: "x := ", core: "1\n", close: "", after: "}\n"),
        Nesting(before: "package p\nfunc f() {\n", open: "var s []int\nfor range s {\ns = append(s, 1)\n",
                core: "", close: "}\n", after: "}\n"),
    ]

    static let depths = [1, 2, 3, 8, 30, 100, 500, 2_000]

    static func nested(_ random: inout SplitMix64) -> [UInt8] {
        let nesting = random.pick(nestings)
        let roll = random.below(1_000)
        // 70,000: past the 65,536 pending tokens at which tree-sitter 0.20.7 mis-builds an ERROR
        // node (see SyntaxTree.isDamaged).
        let depth = roll < 1 ? 70_000 : roll < 10 ? 10_000 : random.pick(depths)
        var text = nesting.before
        text.reserveCapacity(nesting.before.count + depth * (nesting.open.count + nesting.close.count) + 64)
        for _ in 0..<depth { text += nesting.open }
        text += nesting.core
        if !random.chance(10) {  // sometimes left unclosed
            for _ in 0..<depth { text += nesting.close }
        }
        text += nesting.after
        return Array(text.utf8)
    }

    // MARK: Noise

    /// Random bytes or tokens. Kept small: tree-sitter's error recovery costs about 20 µs per byte
    /// of garbage (a large binary file is one of the hostile-input tests instead).
    static func noise(_ random: inout SplitMix64) -> [UInt8] {
        let count = random.pick([0, 1, 7, 100, 1_000, 4_000])
        if random.chance(50) {
            return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        var bytes: [UInt8] = random.chance(50) ? Array("package p\n".utf8) : []
        while bytes.count < count { bytes += random.pick(dictionary) }
        return bytes
    }
}
