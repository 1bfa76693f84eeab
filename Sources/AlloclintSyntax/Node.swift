import CTreeSitter

/// A node of a parsed Go file. Valid only while its `SyntaxTree` is alive.
public struct Node: Hashable {
    public let raw: TSNode

    init(_ raw: TSNode) { self.raw = raw }
    init?(ifNotNull raw: TSNode) {
        if ts_node_is_null(raw) { return nil }
        self.raw = raw
    }

    public static func == (lhs: Node, rhs: Node) -> Bool { ts_node_eq(lhs.raw, rhs.raw) }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(raw.id)
        hasher.combine(raw.context.0)
    }

    public var kind: NodeKind { NodeKind(id: ts_node_symbol(raw)) }
    public var isNamed: Bool { ts_node_is_named(raw) }
    /// An ERROR node: the parser could not make sense of this range.
    public var isError: Bool { ts_node_symbol(raw) == UInt16.max }
    /// A token the parser inserted to recover from an error; it has no text.
    public var isMissing: Bool { ts_node_is_missing(raw) }
    /// This node or one below it is an error or missing node.
    public var hasError: Bool { ts_node_has_error(raw) }

    public var startByte: Int { Int(ts_node_start_byte(raw)) }
    public var endByte: Int { Int(ts_node_end_byte(raw)) }
    public var byteRange: Range<Int> { startByte..<endByte }
    /// 0-based row and byte column of the start.
    public var startPoint: TSPoint { ts_node_start_point(raw) }
    public var endPoint: TSPoint { ts_node_end_point(raw) }

    public var parent: Node? { Node(ifNotNull: ts_node_parent(raw)) }
    public func child(_ field: FieldName) -> Node? { Node(ifNotNull: ts_node_child_by_field_id(raw, field.id)) }
    public var childCount: Int { Int(ts_node_child_count(raw)) }
    public var namedChildCount: Int { Int(ts_node_named_child_count(raw)) }
    public func child(at index: Int) -> Node? { Node(ifNotNull: ts_node_child(raw, UInt32(index))) }
    public func namedChild(at index: Int) -> Node? { Node(ifNotNull: ts_node_named_child(raw, UInt32(index))) }
    public var nextSibling: Node? { Node(ifNotNull: ts_node_next_sibling(raw)) }
    public var previousSibling: Node? { Node(ifNotNull: ts_node_prev_sibling(raw)) }
    public var nextNamedSibling: Node? { Node(ifNotNull: ts_node_next_named_sibling(raw)) }
    public var previousNamedSibling: Node? { Node(ifNotNull: ts_node_prev_named_sibling(raw)) }

    /// The direct children, in order (a cursor walk: linear in the number of children).
    public var children: [Node] {
        var result: [Node] = []
        forEachChild { result.append($0) }
        return result
    }

    /// The named direct children, in order; comments included.
    public var namedChildren: [Node] {
        var result: [Node] = []
        forEachChild { if $0.isNamed { result.append($0) } }
        return result
    }

    /// Calls `body` for every direct child, in order, without allocating.
    public func forEachChild(_ body: (Node) throws -> Void) rethrows {
        var cursor = ts_tree_cursor_new(raw)
        defer { ts_tree_cursor_delete(&cursor) }
        guard ts_tree_cursor_goto_first_child(&cursor) else { return }
        repeat {
            try body(Node(ts_tree_cursor_current_node(&cursor)))
        } while ts_tree_cursor_goto_next_sibling(&cursor)
    }

    /// The last named child before `child` (a child of this node) that satisfies `predicate`.
    /// Linear in the children before `child`; prefer it to `child.previousNamedSibling` when the
    /// parent is known: tree-sitter 0.20 finds a sibling by first finding the parent from the root,
    /// which costs the depth of the node — quadratic over a deep nest.
    public func namedChild(before child: Node, where predicate: (Node) -> Bool = { _ in true }) -> Node? {
        var found: Node?
        var cursor = ts_tree_cursor_new(raw)
        defer { ts_tree_cursor_delete(&cursor) }
        guard ts_tree_cursor_goto_first_child(&cursor) else { return nil }
        repeat {
            let node = Node(ts_tree_cursor_current_node(&cursor))
            if node == child { return found }
            if node.isNamed && predicate(node) { found = node }
        } while ts_tree_cursor_goto_next_sibling(&cursor)
        return nil
    }

    /// The direct children stored under `field` (a field may repeat, e.g. several `name`s).
    public func children(_ field: FieldName) -> [Node] {
        var result: [Node] = []
        var cursor = ts_tree_cursor_new(raw)
        defer { ts_tree_cursor_delete(&cursor) }
        guard ts_tree_cursor_goto_first_child(&cursor) else { return result }
        repeat {
            if ts_tree_cursor_current_field_id(&cursor) == field.id {
                result.append(Node(ts_tree_cursor_current_node(&cursor)))
            }
        } while ts_tree_cursor_goto_next_sibling(&cursor)
        return result
    }

    /// The nearest ancestor (not self) of one of `kinds`, stopping at (and excluding) `boundary` kinds.
    public func ancestor(ofKind kinds: Set<NodeKind>, stoppingAt boundary: Set<NodeKind> = []) -> Node? {
        var current = parent
        while let node = current {
            let kind = node.kind
            if kinds.contains(kind) { return node }
            if boundary.contains(kind) { return nil }
            current = node.parent
        }
        return nil
    }

    /// Whether `other` lies within this node's byte range.
    public func contains(_ other: Node) -> Bool {
        startByte <= other.startByte && other.endByte <= endByte
    }
}

/// What a depth-first walk does after visiting a node.
public enum WalkAction {
    case visitChildren, skipChildren, stop
}

extension Node {
    /// Pre-order walk of this node and its descendants with a tree cursor: the Swift stack does
    /// not grow with nesting depth. ERROR subtrees are skipped unless `enterErrors` is set.
    public func walk(enterErrors: Bool = false, _ visit: (Node) throws -> WalkAction) rethrows {
        var cursor = ts_tree_cursor_new(raw)
        defer { ts_tree_cursor_delete(&cursor) }
        while true {
            let node = Node(ts_tree_cursor_current_node(&cursor))
            let action: WalkAction = (!enterErrors && node.isError) ? .skipChildren : try visit(node)
            if action == .stop { return }
            if action == .visitChildren && ts_tree_cursor_goto_first_child(&cursor) { continue }
            // Move to the next sibling, climbing until one exists; the cursor cannot leave `self`.
            while !ts_tree_cursor_goto_next_sibling(&cursor) {
                if !ts_tree_cursor_goto_parent(&cursor) { return }
            }
        }
    }

    /// Pre-order walk that reports going down into a node's children and back up: `descend(node)`
    /// right after `visit(node)` returned `.visitChildren` for a node that has children,
    /// `ascend(node)` once the walk is done with them. A leaf costs nothing more than its visit
    /// (most nodes are leaves: tokens and names). Iterative, like `walk`.
    public func walk(enterErrors: Bool = false, visit: (Node) throws -> WalkAction, descend: (Node) throws -> Void,
                     ascend: (Node) throws -> Void) rethrows {
        var cursor = ts_tree_cursor_new(raw)
        defer { ts_tree_cursor_delete(&cursor) }
        while true {
            let node = Node(ts_tree_cursor_current_node(&cursor))
            let action: WalkAction = (!enterErrors && node.isError) ? .skipChildren : try visit(node)
            if action == .stop { return }
            if action == .visitChildren && ts_tree_cursor_goto_first_child(&cursor) {
                try descend(node)
                continue
            }
            while !ts_tree_cursor_goto_next_sibling(&cursor) {
                if !ts_tree_cursor_goto_parent(&cursor) { return }
                try ascend(Node(ts_tree_cursor_current_node(&cursor)))
            }
        }
    }

    /// The first node, in pre-order, of this subtree (self included) that satisfies `predicate`.
    public func first(where predicate: (Node) -> Bool) -> Node? {
        var found: Node?
        walk { node in
            if predicate(node) { found = node; return .stop }
            return .visitChildren
        }
        return found
    }
}

extension Node {
    /// The smallest node (named or not) that spans the byte at `offset`.
    public func descendant(at offset: Int) -> Node? {
        Node(ifNotNull: ts_node_descendant_for_byte_range(raw, UInt32(offset), UInt32(offset + 1)))
    }
}
