/// A rule option's value, as declared in the catalogue and set in `.linter.yaml`.
public enum OptionValue: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case string(String)
    case strings([String])

    public var description: String {
        switch self {
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .string(let value): return value
        case .strings(let values): return "[" + values.joined(separator: ", ") + "]"
        }
    }
}

/// The options of one rule: catalogue defaults overridden by the configuration.
public struct RuleOptions: Sendable {
    public var values: [String: OptionValue]

    public init(_ values: [String: OptionValue] = [:]) { self.values = values }

    public func bool(_ name: String, default fallback: Bool) -> Bool {
        if case .bool(let value)? = values[name] { return value }
        return fallback
    }

    public func int(_ name: String, default fallback: Int) -> Int {
        if case .int(let value)? = values[name] { return value }
        return fallback
    }

    public func strings(_ name: String, default fallback: [String]) -> [String] {
        if case .strings(let value)? = values[name] { return value }
        return fallback
    }
}
