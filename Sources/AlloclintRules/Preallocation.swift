import AlloclintAnalysis
import AlloclintSyntax

// The common ground of slice-prealloc and map-prealloc: a variable declared by the statement right
// before a loop, the loop's trip count, and what the loop does to the variable.

/// A single-name declaration immediately followed by a `for` statement (comments aside), e.g.
/// `var out []string` / `m := make(map[K]V)` before `for … range src { … }`, whose value, if it
/// has one, may be an empty slice or map (a composite literal or `make(…)`): what both rules
/// look for.
struct DeclarationBeforeLoop {
    /// The `var_declaration` or `short_var_declaration` statement.
    let statement: Node
    /// The `var_spec` of a `var` declaration (nil for `:=`).
    let spec: Node?
    /// The declared identifier.
    let name: Node
    let declaration: Declaration
    /// The initial value, if the declaration has one.
    let value: Node?
    let loop: Node
    let body: Node

    /// `loop` is the node the rule visits: its parent is the last of `context.ancestors`.
    init?(loop: Node, context: RuleContext) {
        let file = context.file
        guard let body = loop.child(.body), let parent = context.ancestors.last,
              let previous = parent.namedChild(before: loop, where: { $0.kind != .comment }) else { return nil }
        var spec: Node?
        let names: [Node]
        let values: [Node]
        switch previous.kind {
        case .shortVarDeclaration:
            names = previous.child(.left)?.namedChildren.filter { $0.kind != .comment } ?? []
            values = previous.child(.right)?.namedChildren.filter { $0.kind != .comment } ?? []
        case .varDeclaration:
            var specs = previous.namedChildren.filter { $0.kind == .varSpec }
            if let list = previous.namedChildren.first(where: { $0.kind == .varSpecList }) {
                specs = list.namedChildren.filter { $0.kind == .varSpec }
            }
            guard specs.count == 1 else { return nil }
            spec = specs[0]
            names = specs[0].children(.name)
            values = specs[0].child(.value)?.namedChildren.filter { $0.kind != .comment } ?? []
        default:
            return nil
        }
        // Cheap syntax first: resolution walks the whole function.
        guard names.count == 1, values.count <= 1, names[0].kind == .identifier,
              values.first.map({ DeclarationBeforeLoop.mayMakeEmptyCollection($0, file) }) ?? true,
              body.first(where: { DeclarationBeforeLoop.assigns($0, to: names[0], file) }) != nil,
              let declaration = file.resolve(names[0]), declaration.kind == .localVar,
              declaration.nameNode == names[0] else { return nil }
        self.statement = previous
        self.spec = spec
        self.name = names[0]
        self.declaration = declaration
        self.value = values.first
        self.loop = loop
        self.body = body
    }

    /// A composite literal or a call spelled `make(…)`, by syntax alone.
    private static func mayMakeEmptyCollection(_ value: Node, _ file: GoFile) -> Bool {
        if value.kind == .compositeLiteral { return true }
        guard value.kind == .callExpression, let function = value.child(.function), function.kind == .identifier else { return false }
        return file.tree.textEquals(function, "make")
    }

    /// Whether `node` is an assignment to `name` or to an element of it (`name = …`, `name[k] = …`),
    /// compared by text.
    private static func assigns(_ node: Node, to name: Node, _ file: GoFile) -> Bool {
        guard node.kind == .assignmentStatement, var target = node.child(.left)?.namedChild(at: 0) else { return false }
        if let operand = ElementAccess.operand(of: target) { target = operand }
        let bytes = file.source.bytes
        return (target.kind == .identifier || target.kind == .typeIdentifier) && bytes[target.byteRange] == bytes[name.byteRange]
    }

    /// Every identifier in `node` that refers to the declared variable.
    func references(in node: Node, _ file: GoFile) -> [Node] { file.references(to: declaration, in: node) }

    /// Edits that make the declaration `name := make(…)` (or give it that value), leaving comments
    /// and the rest of the line alone.
    func fix(make call: String, description: String, tree: SyntaxTree) -> Fix {
        let edit: TextEdit
        if let value {
            edit = TextEdit(range: value.byteRange, replacement: call)
        } else if let spec, spec.parent == statement {
            // `var s []T` → `s := make(…)`.
            edit = TextEdit(range: statement.byteRange, replacement: "\(tree.text(name)) := \(call)")
        } else {
            // Inside `var ( … )`: `s []T` → `s = make(…)`.
            edit = TextEdit(range: (spec ?? statement).byteRange, replacement: "\(tree.text(name)) = \(call)")
        }
        return Fix(description: description, edits: [edit])
    }

    /// An edit that leaves the declaration as it is and, on the lines after it, gives the variable
    /// `call` only when the loop will run (`guard` is that condition, e.g. `len(src) > 0`): for a
    /// nil `var s []T` whose loop appends on every iteration, s is nil after a loop that does not
    /// run and non-nil after one that does, as before.
    func fixKeepingNil(make call: String, when guard: String, description: String, source: SourceText) -> Fix {
        let bytes = source.bytes
        let indent = statementIndent(source)
        // After a comment that ends the declaration's line, so that the comment stays with it.
        var insertAt = statement.endByte
        var lineEnd = insertAt
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        if lineEnd > insertAt, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let rest = bytes[insertAt..<lineEnd].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if rest.isEmpty || rest.starts(with: Array("//".utf8)) { insertAt = lineEnd }
        let name = source.text(self.name.byteRange)
        let insertion = "\n\(indent)if \(`guard`) {\n\(indent)\t\(name) = \(call)\n\(indent)}"
        return Fix(description: description, edits: [TextEdit(range: insertAt..<insertAt, replacement: insertion)])
    }

    /// The blanks that start the declaration's line.
    func statementIndent(_ source: SourceText) -> String {
        let bytes = source.bytes
        var lineStart = statement.startByte
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        return String(decoding: bytes[lineStart..<statement.startByte].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") },
                      as: UTF8.self)
    }
}

/// A range over a value computed with side effects (`for _, f := range fields()`), whose length
/// cannot be taken again before the loop: the value is computed once into a new variable declared
/// before the declaration, and the loop ranges over that. Moving the computation up one statement
/// changes nothing: the declaration only makes an empty slice or map, and the expression cannot
/// mention the variable (the rules require it to be unused outside its one append or store).
struct HoistedRange {
    /// The trip count over the new variable: `len(src)`.
    let length: LoopLength
    /// `src := fields()` before the declaration, and `src` in place of the range expression.
    let edits: [TextEdit]

    /// Names tried for the new variable, in order; a name is used only if it appears nowhere in
    /// the file (so it can neither clash with nor hide anything the file refers to).
    private static let names = ["src", "source", "items", "values", "elems"]

    init?(_ site: DeclarationBeforeLoop, _ length: LoopLength, _ file: GoFile) {
        var clause: Node?
        site.loop.forEachChild { if $0.kind == .rangeClause { clause = $0 } }
        guard !length.isHoistable, let ranged = clause?.child(.right) else { return nil }
        let text = file.tree.text(ranged)
        guard length.text.contains(text),
              let name = Self.names.first(where: { !file.source.containsWord($0) }) else { return nil }
        self.length = LoopLength(text: length.text.replacingOccurrences(of: text, with: name), isHoistable: true,
                                 isNonNegative: length.isNonNegative)
        let start = site.statement.startByte
        edits = [TextEdit(range: start..<start, replacement: "\(name) := \(text)\n\(site.statementIndent(file.source))"),
                 TextEdit(range: ranged.byteRange, replacement: name)]
    }

    /// `fix` with the hoisting edits before its own.
    func including(_ fix: Fix?) -> Fix? {
        fix.map { Fix(description: $0.description + ", ranging over a variable computed once", edits: edits + $0.edits) }
    }
}

/// What a loop's number of iterations is, when it is known before the loop starts.
struct LoopLength {
    /// The trip count as Go source: `len(users)`, `n`, `n - start`, `len(f())`.
    let text: String
    /// Computing `text` once at the declaration right before the loop gives the same value the loop
    /// uses: no side effects, nothing in between, on one line.
    let isHoistable: Bool
    /// Certainly not negative (`len`, `cap`, a non-negative literal): `make([]T, 0, n)` panics when
    /// n < 0, where the loop would just not run.
    let isNonNegative: Bool

    /// `text` for messages: a count that spans lines (a composite literal) is abbreviated.
    var shortText: String { !text.contains("\n") ? text : text.hasPrefix("len(") ? "len(…)" : "…" }

    /// The trip count of a `range` over a slice, array, string, map or integer, and (if
    /// `countedLoops`) of `for i := a; i < b; i++` with a bound the loop does not change. Nil
    /// when unknown: channels, function iterators, conditions, unknown types.
    static func of(_ loop: Node, _ file: GoFile, countedLoops: Bool) -> LoopLength? {
        var header: Node?
        loop.forEachChild { if $0.kind == .rangeClause || $0.kind == .forClause { header = $0 } }
        guard let header else { return nil }
        if header.kind == .rangeClause {
            return rangeLength(header, file)
        }
        return countedLoops ? countedLength(header, loop, file) : nil
    }

    private static func rangeLength(_ clause: Node, _ file: GoFile) -> LoopLength? {
        guard let ranged = clause.child(.right) else { return nil }
        let text = file.tree.text(ranged)
        let hoistable = SideEffects.isFree(ranged, file) && !text.contains("\n")
        switch file.typeKind(of: ranged) {
        case .slice, .array, .string, .map:
            return LoopLength(text: "len(\(text))", isHoistable: hoistable, isNonNegative: true)
        case .basic(.integer), .basic(.byteSized):
            guard file.goVersion >= .rangeOverIntegers else { return nil }
            return LoopLength(text: text, isHoistable: hoistable, isNonNegative: isNonNegative(ranged, file))
        case .unknown where file.goVersion < .rangeOverFunctions && rangesWithTwoVariables(clause):
            // Before range-over-func, only slices, arrays, pointers to arrays, strings and maps
            // yield two values per iteration: whatever the type, len() of it is the trip count.
            return LoopLength(text: "len(\(text))", isHoistable: hoistable, isNonNegative: true)
        default:
            return nil
        }
    }

    private static func rangesWithTwoVariables(_ clause: Node) -> Bool {
        clause.child(.left).map { $0.namedChildren.filter { $0.kind != .comment }.count == 2 } ?? false
    }

    /// `for i := a; i < b; i++` (or `i <= b`, `i += 1`): b - a iterations when neither the counter
    /// nor the bound changes in the loop.
    private static func countedLength(_ clause: Node, _ loop: Node, _ file: GoFile) -> LoopLength? {
        guard let initializer = clause.child(.initializer), initializer.kind == .shortVarDeclaration,
              let names = initializer.child(.left)?.namedChildren, names.count == 1, names[0].kind == .identifier,
              let starts = initializer.child(.right)?.namedChildren, starts.count == 1,
              let counter = file.resolve(names[0]),
              let condition = clause.child(.condition), condition.kind == .binaryExpression,
              let comparison = condition.child(.operator), let left = condition.child(.left), let bound = condition.child(.right),
              left.kind == .identifier, file.resolve(left)?.id == counter.id,
              let update = clause.child(.update), isIncrement(update, of: counter, file) else { return nil }
        let inclusive: Bool
        if file.tree.textEquals(comparison, "<") {
            inclusive = false
        } else if file.tree.textEquals(comparison, "<=") {
            inclusive = true
        } else {
            return nil
        }
        guard SideEffects.isFree(bound, file), SideEffects.isFree(starts[0], file),
              let body = loop.child(.body), !Mutation.mayChange(left, reading: [counter], in: body, file),
              let boundVariables = localInputs(of: bound, file),
              !Mutation.mayChange(bound, reading: boundVariables, in: body, file),
              !Mutation.mayChange(bound, reading: boundVariables, in: update, file) else { return nil }

        let start = starts[0]
        let startsAtZero = start.kind == .intLiteral && file.tree.textEquals(start, "0")
        var text = file.tree.text(bound)
        if !startsAtZero {
            let startText = file.tree.text(start)
            text += " - " + (start.kind == .binaryExpression ? "(\(startText))" : startText)
        }
        if inclusive { text += " + 1" }
        return LoopLength(text: text, isHoistable: !text.contains("\n"),
                          isNonNegative: startsAtZero && !inclusive && isNonNegative(bound, file))
    }

    private static func isIncrement(_ update: Node, of counter: Declaration, _ file: GoFile) -> Bool {
        if update.kind == .incStatement, let operand = update.namedChild(at: 0), operand.kind == .identifier {
            return file.resolve(operand)?.id == counter.id
        }
        if update.kind == .assignmentStatement, let op = update.child(.operator), file.tree.textEquals(op, "+="),
           let targets = update.child(.left)?.namedChildren, targets.count == 1, targets[0].kind == .identifier,
           let steps = update.child(.right)?.namedChildren, steps.count == 1, file.tree.textEquals(steps[0], "1") {
            return file.resolve(targets[0])?.id == counter.id
        }
        return false
    }

    /// The variables a bound reads, if all are locals (parameters included) or constants; nil if it
    /// reads a package-level variable, which any call in the loop might change.
    private static func localInputs(of bound: Node, _ file: GoFile) -> [Declaration]? {
        var variables: [Declaration] = []
        var allLocal = true
        file.forEachReference(in: bound) { _, declaration in
            if declaration.kind.isConstant || declaration.kind == .builtinFunc { return }
            if declaration.kind.isVariable && declaration.kind.isLocal {
                variables.append(declaration)
            } else {
                allLocal = false
            }
        }
        return allLocal ? variables : nil
    }

    /// `len(x)`, `cap(x)` and non-negative integer literals.
    private static func isNonNegative(_ expression: Node, _ file: GoFile) -> Bool {
        if expression.kind == .intLiteral { return true }
        return SideEffects.builtinCallName(expression, file).map { $0 == "len" || $0 == "cap" } ?? false
    }
}

/// Whether evaluating an expression can do anything but compute a value.
enum SideEffects {
    /// Identifiers, literals, field selections, indexing, slicing, arithmetic, `len` and `cap`.
    /// Receives and every other call count as side effects.
    static func isFree(_ expression: Node, _ file: GoFile) -> Bool {
        var free = true
        expression.walk { node in
            switch node.kind {
            case .identifier, .fieldIdentifier, .packageIdentifier, .intLiteral, .floatLiteral, .runeLiteral,
                 .interpretedStringLiteral, .rawStringLiteral, .true, .false, .nil, .iota,
                 .selectorExpression, .indexExpression, .sliceExpression, .parenthesizedExpression, .binaryExpression:
                return .visitChildren
            case .unaryExpression:
                if let op = node.child(.operator), file.tree.textEquals(op, "<-") { free = false; return .stop }
                return .visitChildren
            case .callExpression:
                guard let name = builtinCallName(node, file), name == "len" || name == "cap" else { free = false; return .stop }
                return .visitChildren
            case .argumentList:
                return .visitChildren
            default:
                // Anonymous tokens (operators, brackets) are harmless; any other named node is not known to be.
                if node.isNamed { free = false; return .stop }
                return .skipChildren
            }
        }
        return free
    }

    /// The name of the builtin a call calls (`len`, `append`, `make`…), nil for other calls.
    static func builtinCallName(_ call: Node, _ file: GoFile) -> String? {
        guard call.kind == .callExpression, let function = call.child(.function), function.kind == .identifier,
              let declaration = file.resolve(function), declaration.kind == .builtinFunc else { return nil }
        return declaration.name
    }
}

/// Whether code may change what an expression reads: conservative, for loop bounds.
enum Mutation {
    /// Whether `node` may change the value of `bound`, which reads `variables` (locals). A variable
    /// read directly (`n`, `len(s)`) changes only by assignment, `++`/`--`, a method call on it or
    /// having its address taken. A bound that reads through fields or elements (`len(t.rows)`)
    /// may also change when anything rooted at the variable is passed to a call or assigned.
    static func mayChange(_ bound: Node, reading variables: [Declaration], in node: Node, _ file: GoFile) -> Bool {
        guard !variables.isEmpty else { return false }
        let readsThrough = bound.first { $0.kind == .selectorExpression || $0.kind == .indexExpression || $0.kind == .sliceExpression } != nil
        return variables.contains { variable in
            file.references(to: variable, in: node).contains { isWritten($0, throughFields: readsThrough, file) }
        }
    }

    /// Whether the variable at `identifier` is changed there: the identifier itself, or (with
    /// `throughFields`) the largest place it is the root of — x.f, x[i], (x).
    private static func isWritten(_ identifier: Node, throughFields: Bool, _ file: GoFile) -> Bool {
        var place = identifier
        while let parent = place.parent {
            let kind = parent.kind
            if kind == .selectorExpression, parent.child(.operand) == place,
               let call = parent.parent, call.kind == .callExpression, call.child(.function) == parent {
                return true  // a method call may mutate its receiver
            }
            let isRoot = ((kind == .selectorExpression || kind == .sliceExpression) && parent.child(.operand) == place)
                || ElementAccess.operand(of: parent) == place
            guard kind == .parenthesizedExpression || (isRoot && throughFields) else { break }
            place = parent
        }
        guard let parent = place.parent else { return false }
        switch parent.kind {
        case .incStatement, .decStatement:
            return true
        case .unaryExpression:
            return parent.child(.operator).map { file.tree.textEquals($0, "&") } ?? false
        case .argumentList:
            return throughFields
        case .expressionList:
            guard let statement = parent.parent else { return false }
            let kind = statement.kind
            if kind == .assignmentStatement || kind == .shortVarDeclaration || kind == .rangeClause {
                return statement.child(.left) == parent
            }
            return false
        default:
            return false
        }
    }
}

/// Element access `x[i]`, as tree-sitter-go spells it.
enum ElementAccess {
    /// The operand `x` of `x[i]`. tree-sitter-go reads `m[keys[i]]` or `m[p.names[i]]` as a
    /// generic instantiation, because the index looks like a type; its `type` is then the operand.
    /// Callers only ask about variables, which cannot be instantiated, so both forms are an index.
    static func operand(of node: Node) -> Node? {
        switch node.kind {
        case .indexExpression: node.child(.operand)
        case .typeInstantiationExpression: node.child(.type)
        default: nil
        }
    }
}

/// Whether a loop body can leave the loop, or skip the rest of an iteration: `break`, `continue`,
/// `return`, `goto` (not inside a nested func literal; an unlabelled `break` or `continue` of a
/// nested loop, switch or select is fine).
enum EarlyExit {
    private static let breakTargets: Set<NodeKind> = [.forStatement, .expressionSwitchStatement, .typeSwitchStatement, .selectStatement]
    private static let continueTargets: Set<NodeKind> = [.forStatement]

    static func exists(in body: Node, of loop: Node) -> Bool {
        var exits = false
        body.walk { node in
            switch node.kind {
            case .funcLiteral:
                return .skipChildren
            case .returnStatement, .gotoStatement:
                exits = true
            case .breakStatement:
                exits = node.child(.label) != nil || node.ancestor(ofKind: breakTargets) == loop
            case .continueStatement:
                exits = node.child(.label) != nil || node.ancestor(ofKind: continueTargets) == loop
            default:
                return .visitChildren
            }
            return exits ? .stop : .skipChildren
        }
        return exits
    }
}

/// Where a statement stands in a loop body: run on every iteration, or only under a condition.
enum Placement {
    /// The statement is a direct child of `body`.
    static func isUnconditional(_ statement: Node, in body: Node) -> Bool { statement.parent == body }

    /// The statement is in `body`, possibly nested in `if`/`else` blocks, but not in a loop,
    /// switch, select or func literal.
    static func isInIfBranches(_ statement: Node, in body: Node) -> Bool {
        var current = statement
        while let parent = current.parent {
            if parent == body { return true }
            guard parent.kind == .block || parent.kind == .ifStatement else { return false }
            current = parent
        }
        return false
    }
}
