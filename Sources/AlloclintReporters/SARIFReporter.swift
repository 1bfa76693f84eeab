import AlloclintEngine
import AlloclintRules
import AlloclintSyntax
import Foundation

/// SARIF 2.1.0 for GitHub code scanning: one run, the catalogue as `tool.driver.rules`, one result
/// per finding with a `%SRCROOT%`-relative location, UTF-16 columns, line fingerprints, related
/// locations linked from the message, and safe fixes. Keys are sorted and nothing depends on the
/// time, so two runs on the same tree give the same bytes.
public struct SARIFReporter: Reporter {
    /// GitHub code scanning rejects a run with more results than this.
    public static let maximumResults = 25_000
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let sourceRoot = "%SRCROOT%"
    /// GitHub's limit on rule descriptions.
    static let maximumDescriptionLength = 1024

    let maximumResults: Int

    public init(maximumResults: Int = SARIFReporter.maximumResults) { self.maximumResults = maximumResults }

    public func render(_ result: LintResult, _ context: ReportContext) -> Report {
        let fingerprints = LineFingerprints.compute(result.findings, sources: result.sources)
        var kept = Array(result.findings.indices)
        var warnings: [String] = []
        if kept.count > maximumResults {
            kept = Self.mostSevere(result.findings, limit: maximumResults)
            warnings.append("""
                SARIF report capped at \(maximumResults) of \(result.findings.count) results (GitHub code scanning \
                rejects more in one run); the most severe were kept
                """)
        }
        let ruleIndices = Dictionary(context.catalogue.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let run = Run(
            tool: Tool(driver: ToolComponent(
                name: ToolInfo.name, version: ToolInfo.version, semanticVersion: ToolInfo.version,
                informationUri: ToolInfo.informationURI, rules: context.catalogue.map(ReportingDescriptor.init))),
            automationDetails: AutomationDetails(id: context.sarifCategory),
            columnKind: "utf16CodeUnits",
            originalUriBaseIds: [Self.sourceRoot: ArtifactLocation(uri: Self.directoryURI(context.workingDirectory))],
            results: kept.map { index in
                SARIFResult(result.findings[index], ruleIndex: ruleIndices[result.findings[index].ruleID],
                            fingerprint: fingerprints[index])
            },
            invocations: [Invocation(
                executionSuccessful: result.errors.isEmpty,
                toolExecutionNotifications: result.errors.isEmpty ? nil : result.errors.map(Notification.init))])
        let log = Log(schema: Self.schemaURI, version: "2.1.0", runs: [run])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return Report(text: "{}\n", warnings: ["cannot encode the SARIF report"]) }
        return Report(text: String(decoding: data, as: UTF8.self) + "\n", warnings: warnings)
    }

    /// The indices of the `limit` most severe findings (report order among equals), in report order.
    static func mostSevere(_ findings: [Finding], limit: Int) -> [Int] {
        let bySeverity = findings.indices.sorted { lhs, rhs in
            findings[lhs].severity != findings[rhs].severity ? findings[lhs].severity > findings[rhs].severity : lhs < rhs
        }
        return bySeverity.prefix(limit).sorted()
    }

    // MARK: URIs

    /// A relative display path as a URI reference below `%SRCROOT%`; an absolute one (a file
    /// outside the working directory) as a `file://` URI.
    static func artifactLocation(_ path: String) -> ArtifactLocation {
        path.hasPrefix("/")
            ? ArtifactLocation(uri: "file://" + percentEncoded(path))
            : ArtifactLocation(uri: percentEncoded(path), uriBaseId: sourceRoot)
    }

    /// `file:///dir/`: SARIF requires base URIs to end with a slash.
    static func directoryURI(_ directory: String) -> String {
        "file://" + percentEncoded(directory.hasSuffix("/") ? directory : directory + "/")
    }

    /// RFC 3986: unreserved characters, `/` and the sub-delimiters stay; every other UTF-8 byte
    /// (spaces, `%`, `#`, `?`, `:`, non-ASCII) becomes `%XX`.
    static func percentEncoded(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
                 UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }

    // MARK: Messages

    /// The finding's message followed, in parentheses, by links to its related locations
    /// (`… ([the Put](1))`), which viewers such as GitHub turn into links to those lines;
    /// brackets and backslashes of the plain text are then escaped so that they cannot read as links.
    static func messageText(_ finding: Finding) -> String {
        guard !finding.related.isEmpty else { return finding.message }
        let links = finding.related.enumerated().map { "[\(escapedForLinks($1.message))](\($0 + 1))" }
        return escapedForLinks(finding.message) + " (" + links.joined(separator: "; ") + ")"
    }

    static func escapedForLinks(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "[" || character == "]" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// The summary and the first paragraph of what the rule flags, as one paragraph of at most
    /// 1024 characters.
    static func fullDescription(_ rule: RuleDescription) -> String {
        let what = rule.docs.what.components(separatedBy: "\n\n").first ?? ""
        let text = (rule.summary + " " + what).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard text.count > maximumDescriptionLength else { return text }
        var cut = text.prefix(maximumDescriptionLength - 1)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + "…"
    }
}

// MARK: - The SARIF object model (only what alloclint writes)

extension SARIFReporter {
    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var automationDetails: AutomationDetails
        var columnKind: String
        var originalUriBaseIds: [String: ArtifactLocation]
        var results: [SARIFResult]
        var invocations: [Invocation]
    }

    struct Tool: Encodable {
        var driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        var name, version, semanticVersion, informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct AutomationDetails: Encodable {
        var id: String
    }

    struct Message: Encodable {
        var text: String
    }

    struct MultiformatMessage: Encodable {
        var text: String
        var markdown: String
    }

    struct ReportingDescriptor: Encodable {
        struct Configuration: Encodable {
            var level: String
        }

        struct Properties: Encodable {
            var tags: [String]
            var precision: String
        }

        var id, name: String
        var shortDescription, fullDescription: Message
        var help: MultiformatMessage
        var defaultConfiguration: Configuration
        var properties: Properties

        init(_ rule: RuleDescription) {
            id = rule.id
            name = rule.name
            shortDescription = Message(text: rule.summary)
            fullDescription = Message(text: SARIFReporter.fullDescription(rule))
            help = MultiformatMessage(text: rule.plainText, markdown: rule.markdown)
            defaultConfiguration = Configuration(level: rule.severity.rawValue)
            properties = Properties(tags: rule.tags, precision: rule.precision)
        }
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    /// Text regions use 1-based lines and UTF-16 columns (the run's `columnKind`), the end
    /// column exclusive; fix regions use 0-based byte offsets.
    struct Region: Encodable {
        var startLine, startColumn, endLine, endColumn: Int?
        var byteOffset, byteLength: Int?

        init(_ range: SourceRange) {
            startLine = range.start.line
            startColumn = range.start.utf16Column
            endLine = range.end.line
            endColumn = range.end.utf16Column
        }

        init(bytes: Range<Int>) {
            byteOffset = bytes.lowerBound
            byteLength = bytes.count
        }

        init(line: Int) {
            startLine = line
        }
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Message
    }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct SARIFFix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    struct SARIFResult: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        var fixes: [SARIFFix]?

        init(_ finding: Finding, ruleIndex: Int?, fingerprint: String) {
            let artifact = SARIFReporter.artifactLocation(finding.path)
            ruleId = finding.ruleID
            self.ruleIndex = ruleIndex
            level = finding.severity.rawValue
            message = Message(text: SARIFReporter.messageText(finding))
            locations = [Location(physicalLocation: PhysicalLocation(artifactLocation: artifact, region: Region(finding.range)))]
            if !finding.related.isEmpty {
                relatedLocations = finding.related.enumerated().map { index, related in
                    Location(id: index + 1,
                             physicalLocation: PhysicalLocation(artifactLocation: artifact, region: Region(related.range)),
                             message: Message(text: related.message))
                }
            }
            partialFingerprints = [LineFingerprints.key: fingerprint]
            if let fix = finding.fix {
                fixes = [SARIFFix(
                    description: Message(text: fix.description),
                    artifactChanges: [ArtifactChange(artifactLocation: artifact, replacements: fix.edits.map {
                        Replacement(deletedRegion: Region(bytes: $0.range), insertedContent: Message(text: $0.replacement))
                    })])]
            }
        }
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]?
    }

    /// A problem other than a finding (unreadable file, bad configuration), at its file and line
    /// when it has them (its columns count bytes, not the run's UTF-16 units, so they are left out).
    struct Notification: Encodable {
        var level = "error"
        var message: Message
        var locations: [Location]?

        init(_ error: LintError) {
            message = Message(text: error.message)
            if let path = error.path {
                let region = error.line.map { Region(line: $0) }
                locations = [Location(physicalLocation: PhysicalLocation(artifactLocation: SARIFReporter.artifactLocation(path), region: region))]
            }
        }
    }
}
