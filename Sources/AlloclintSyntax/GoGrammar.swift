import CTreeSitter
import TreeSitterGo

/// The Go grammar compiled into the binary, checked once against the tree-sitter runtime it links.
public enum GoGrammar {
    /// The grammar's `TSLanguage`, or the reason the runtime refuses it.
    static let loaded: Result<OpaquePointer, GrammarError> = {
        guard let language = tree_sitter_go() else {
            return .failure(GrammarError(message: "the tree-sitter-go grammar is not compiled in"))
        }
        let version = Int(ts_language_version(language))
        let supported = Int(TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION)...Int(TREE_SITTER_LANGUAGE_VERSION)
        guard supported.contains(version) else {
            return .failure(GrammarError(message: """
                tree-sitter-go \(ALLOCLINT_TREE_SITTER_GO_VERSION) has language ABI \(version), but the linked \
                tree-sitter runtime accepts ABI \(supported.lowerBound)-\(supported.upperBound); \
                rebuild with the grammar version in Grammars/MANIFEST
                """))
        }
        return .success(language)
    }()

    /// Fails with a message naming both versions when the runtime cannot load the grammar.
    public static func validate() throws(GrammarError) {
        if case .failure(let error) = loaded { throw error }
    }

    static var language: OpaquePointer {
        switch loaded {
        case .success(let language): return language
        case .failure(let error): fatalError(error.message)  // callers validate() first
        }
    }

    static func symbol(named name: String) -> UInt16 {
        let symbol = name.withCString { ts_language_symbol_for_name(language, $0, UInt32(name.utf8.count), true) }
        precondition(symbol != 0 || name == "end", "unknown Go node kind \(name)")
        return symbol
    }

    static func field(named name: String) -> UInt16 {
        let field = name.withCString { ts_language_field_id_for_name(language, $0, UInt32(name.utf8.count)) }
        precondition(field != 0, "unknown Go field \(name)")
        return field
    }

    /// Number of symbols in the grammar: the size of a table indexed by `NodeKind.id`.
    public static var symbolCount: Int { Int(ts_language_symbol_count(language)) }

    /// The grammar's name for a symbol (for diagnostics and tests, not hot paths).
    public static func name(of kind: NodeKind) -> String {
        String(cString: ts_language_symbol_name(language, kind.id))
    }
}

public struct GrammarError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
