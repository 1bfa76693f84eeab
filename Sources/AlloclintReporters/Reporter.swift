import AlloclintEngine
import AlloclintRules

/// What every reporter may need besides the findings.
public struct ReportContext: Sendable {
    public var catalogue: [RuleDescription]
    /// Colour and source excerpts (text format on a terminal).
    public var color = false
    /// SARIF `automationDetails.id`.
    public var sarifCategory = "alloclint/"

    public init(catalogue: [RuleDescription]) { self.catalogue = catalogue }
}

/// Renders a lint result in one output format.
public protocol Reporter {
    func render(_ result: LintResult, _ context: ReportContext) -> String
}

/// The output formats of `--format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, checkstyle

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif, .github, .checkstyle: return TextReporter()
        }
    }
}

/// alloclint's own version, as printed by `alloclint version` and written into reports.
public enum ToolInfo {
    public static let name = "alloclint"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/alloclint/alloclint"
}
