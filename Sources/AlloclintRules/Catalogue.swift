import Foundation

/// One entry of the rule catalogue, decoded from `rules/<id>/rule.yaml` (embedded at build time,
/// as JSON).
public struct RuleDescription: Decodable, Sendable {
    public struct Docs: Decodable, Sendable {
        /// What it flags.
        public var what: String
        /// Why it allocates (and what it costs).
        public var why: String
        /// Use instead: how to fix it.
        public var fix: String
    }

    public struct Example: Decodable, Sendable {
        public var code: String
        /// The language version the example is checked with (default: the newest).
        public var goVersion: String?

        enum CodingKeys: String, CodingKey {
            case code
            case goVersion = "go-version"
        }
    }

    public struct Examples: Decodable, Sendable {
        public var bad: [Example]
        public var good: [Example]
    }

    public struct Option: Decodable, Sendable {
        public var name: String
        /// `bool`, `int`, `string` or `strings`.
        public var type: String
        public var `default`: String
        public var description: String

        /// The default as a typed value.
        public var defaultValue: OptionValue? { OptionValue.parse(self.default, as: type) }
    }

    public var id: String
    /// PascalCase name (SARIF `name`).
    public var name: String
    public var severity: Severity
    /// SARIF precision: very-high, high, medium or low.
    public var precision: String
    public var tags: [String]
    public var summary: String
    public var docs: Docs
    public var examples: Examples
    public var options: [Option]

    /// The catalogue defaults of this rule's options.
    public var defaultOptions: RuleOptions {
        RuleOptions(Dictionary(uniqueKeysWithValues: options.compactMap { option in
            option.defaultValue.map { (option.name, $0) }
        }))
    }
}

extension OptionValue {
    /// Parses a catalogue default written as text.
    static func parse(_ text: String, as type: String) -> OptionValue? {
        switch type {
        case "bool": return Bool(text).map(OptionValue.bool)
        case "int": return Int(text).map(OptionValue.int)
        case "string": return .string(text)
        case "strings":
            let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return .strings(items)
        default: return nil
        }
    }
}

public struct CatalogueError: Error, CustomStringConvertible {
    public let description: String
}

/// The rule catalogue: every entry of `rules/`, in id order.
public enum Catalogue {
    /// Decoded once; an undecodable entry is a build defect that the catalogue tests catch.
    public static let entries: Result<[RuleDescription], CatalogueError> = {
        var entries: [RuleDescription] = []
        for source in embeddedCatalogueSources {
            do {
                let entry = try JSONDecoder().decode(RuleDescription.self, from: Data(source.json.utf8))
                guard entry.id == source.name else {
                    return .failure(CatalogueError(description: "rules/\(source.name)/rule.yaml declares id \(entry.id)"))
                }
                entries.append(entry)
            } catch {
                return .failure(CatalogueError(description: "rules/\(source.name)/rule.yaml: \(error)"))
            }
        }
        return .success(entries.sorted { $0.id < $1.id })
    }()

    public static func all() throws -> [RuleDescription] { try entries.get() }

    public static func entry(_ id: String) throws -> RuleDescription? {
        try all().first { $0.id == id }
    }
}
