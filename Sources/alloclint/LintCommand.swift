import AlloclintAnalysis
import AlloclintEngine
import AlloclintReporters
import AlloclintRules
import ArgumentParser
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct Lint: ParsableCommand, StatusCommand {
    // Subcommands are named explicitly: a name derived from the type's name costs
    // swift-argument-parser a reflective lookup at every start (3 M instructions for `lint`).
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint Go files, directories (recursive) and patterns like ./...",
        discussion: """
            Exit status: 0 no finding at or above the fail level, 1 findings at or above it, \
            2 usage, configuration, I/O or internal error.
            """
    )

    @Argument(help: "Files, directories and patterns (./..., dir/...); `-` reads standard input.")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif, github or checkstyle.")
    var format: OutputFormat = .text

    @Option(help: "Write the report to FILE (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Configuration file (default: the nearest .linter.yaml upwards).")
    var config: String?

    @Flag(help: "Ignore every .linter.yaml.")
    var noConfig = false

    @Option(help: "Turn on rules the configuration turned off (comma-separated ids).")
    var enable: [String] = []

    @Option(help: "Turn rules off (comma-separated ids).")
    var disable: [String] = []

    @Option(help: "Lowest severity that makes the exit status 1: error, warning or note.")
    var failLevel: Severity = .warning

    @Flag(help: "Read the source from standard input (with --stdin-filename).")
    var stdin = false

    @Option(help: "The path of the standard-input source, for reports, configuration and go.mod.")
    var stdinFilename: String?

    @Option(help: "Parallel workers (default: all cores).")
    var jobs: Int?

    @Option(help: "Go language version 1.N (default: the go directive of the nearest go.mod, else the newest Go).")
    var goVersion: String?

    @Option(help: "Skip files matching GLOB (repeatable).")
    var exclude: [String] = []

    @Flag(help: "Lint generated files (// Code generated ... DO NOT EDIT.) found in directories.")
    var includeGenerated = false

    @Option(help: "Colour and source excerpts in text output: auto, always or never.")
    var color: ColorMode = .auto

    @Flag(help: "Print files, bytes and time to standard error.")
    var stats = false

    @Flag(help: "Benchmark mode: read, parse and walk every file; run no rule, report nothing.")
    var parseOnly = false

    @Flag(help: .hidden)  // CPU time of parsing, walking and each rule, on stderr (performance work)
    var profileRules = false

    @Option(name: .customLong("new-from-rev"), help: ArgumentHelp(
        "Report only findings on lines added or changed since the git revision REV (git diff REV, plus untracked files).",
        valueName: "REV"))
    var newFromRevision: String?

    @Option(help: "SARIF automationDetails.id (default: alloclint/).")
    var sarifCategory: String = "alloclint/"

    @Flag(help: "Apply the safe fixes in place, atomically, and report what remains. With --stdin: print the fixed source.")
    var fix = false

    @Flag(help: "Print the safe fixes as a unified diff instead of a report; write nothing.")
    var diff = false

    mutating func validate() throws {
        if paths == ["-"] { stdin = true; paths = [] }
        if stdin && !paths.isEmpty { throw ValidationError("--stdin takes no paths") }
        if stdinFilename != nil && !stdin { throw ValidationError("--stdin-filename needs --stdin") }
        if stdin && newFromRevision != nil { throw ValidationError("--new-from-rev reads changes from the files on disk: it cannot be used with --stdin") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if fix && diff { throw ValidationError("--fix and --diff cannot be combined") }
        if parseOnly && (fix || diff) { throw ValidationError("--parse-only runs no rule: it cannot be combined with --fix or --diff") }
        if let goVersion, GoVersion(parsing: goVersion) == nil {
            throw ValidationError("--go-version must look like 1.22, got \"\(goVersion)\"")
        }
    }

    mutating func runWithStatus() throws -> Int32 {
        let started = Date()
        var options = LintOptions()
        options.paths = paths
        options.configPath = config
        options.useConfig = !noConfig
        options.enable = enable.flatMap { $0.split(separator: ",").map(String.init) }
        options.disable = disable.flatMap { $0.split(separator: ",").map(String.init) }
        options.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        options.goVersion = goVersion.flatMap(GoVersion.init(parsing:))
        options.exclude = exclude
        options.includeGenerated = includeGenerated
        options.parseOnly = parseOnly
        if profileRules { options.ruleProfile = RuleProfile() }
        options.fixMode = fix ? .apply : diff ? .diff : .none
        options.newFromRevision = newFromRevision
        if stdin {
            options.stdinPrefetch = EarlyStandardInput.prefetch
            options.stdin = EarlyStandardInput.prefetch?.contents ?? Array(FileHandle.standardInput.readDataToEndOfFile())
            options.stdinFilename = stdinFilename
        }

        let linter = try Linter(options: options)
        let result = linter.run()
        if let profile = options.ruleProfile { Output.write(profileTable(profile), to: .standardError) }

        if stats {
            let seconds = Date().timeIntervalSince(started)
            let megabytes = Double(result.bytesLinted) / 1_000_000
            Output.write(String(format: "alloclint: %d files, %d bytes, %d lines in %.3f s (%.1f MB/s)\n",
                                result.filesLinted, result.bytesLinted, result.linesLinted, seconds,
                                seconds > 0 ? megabytes / seconds : 0), to: .standardError)
        }
        for error in result.errors { Output.error(error.description) }
        if parseOnly { return result.errors.isEmpty ? 0 : 2 }
        if diff { return try printDiff(result) }

        var context = ReportContext(catalogue: linter.catalogue)
        context.color = output == nil && format == .text && useColor && !(fix && stdin)
        context.sarifCategory = sarifCategory
        let report = format.reporter.render(result, context)
        // With --stdin --fix the fixed source takes standard output; the report moves to stderr.
        let printsSource = fix && stdin
        if printsSource {
            Output.write(String(decoding: result.fixedFiles.first?.fixed ?? options.stdin ?? [], as: UTF8.self), to: .standardOutput)
        }
        if let output {
            try FileSystem.writeAtomically(Array(report.text.utf8), to: output)
        } else {
            Output.write(report.text, to: printsSource ? .standardError : .standardOutput)
        }
        for warning in report.warnings { Output.error("warning: \(warning)") }
        if fix { Output.write(fixSummary(result, applied: true), to: .standardError) }
        if format == .text { Output.write(summary(result), to: .standardError) }

        if !result.errors.isEmpty { return 2 }
        return result.findings.contains { $0.severity >= failLevel } ? 1 : 0
    }

    /// `--diff`: the fixes as a unified diff; status 1 when there is something to fix.
    private func printDiff(_ result: LintResult) throws -> Int32 {
        let text = result.fixedFiles.map { UnifiedDiff.render(path: $0.path, original: $0.original, fixed: $0.fixed) }.joined()
        if let output {
            try FileSystem.writeAtomically(Array(text.utf8), to: output)
        } else {
            Output.write(text, to: .standardOutput)
        }
        Output.write(fixSummary(result, applied: false), to: .standardError)
        if !result.errors.isEmpty { return 2 }
        return result.fixedFiles.isEmpty ? 0 : 1
    }

    private func fixSummary(_ result: LintResult, applied: Bool) -> String {
        let count = result.fixedFiles.reduce(0) { $0 + $1.fixCount }
        let fixes = count == 1 ? "1 finding" : "\(count) findings"
        let files = result.fixedFiles.count == 1 ? "1 file" : "\(result.fixedFiles.count) files"
        return applied ? "alloclint: fixed \(fixes) in \(files)\n" : "alloclint: fixes for \(fixes) in \(files) (not applied)\n"
    }

    /// `--profile-rules`: CPU seconds summed over the workers, dearest first.
    private func profileTable(_ profile: RuleProfile) -> String {
        let rows = [("(parse)", profile.parseSeconds), ("(walk and dispatch)", profile.walkSeconds)] + profile.rules
        let total = rows.reduce(0) { $0 + $1.1 }
        return rows.map { String(format: "%-26@ %8.3f s %5.1f%%\n", $0.0, $0.1, total > 0 ? 100 * $0.1 / total : 0) }.joined()
    }

    private var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return isatty(STDOUT_FILENO) != 0 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        }
    }

    private func summary(_ result: LintResult) -> String {
        let files = result.filesLinted == 1 ? "1 file" : "\(result.filesLinted) files"
        guard !result.findings.isEmpty else { return "alloclint: no findings in \(files)\n" }
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = result.findings.filter { $0.severity == severity }.count
            guard count > 0 else { return nil }
            return "\(count) \(severity.rawValue)" + (count == 1 ? "" : "s")
        }
        let total = result.findings.count == 1 ? "1 finding" : "\(result.findings.count) findings"
        return "alloclint: \(total) (\(counts.joined(separator: ", "))) in \(files)\n"
    }
}
