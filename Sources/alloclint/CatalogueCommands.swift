import AlloclintEngine
import AlloclintReporters
import AlloclintRules
import ArgumentParser
import Foundation

enum CatalogueFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rule catalogue.")

    @Option(help: "text, json or markdown.")
    var format: CatalogueFormat = .text

    func run() throws {
        let entries = try loadCatalogue()
        switch format {
        case .text:
            let width = entries.map(\.id.count).max() ?? 0
            let lines = entries.map { entry in
                entry.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + entry.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + entry.summary
            }
            Output.write(lines.joined(separator: "\n") + "\n", to: .standardOutput)
        case .markdown:
            Output.write(Catalogue.markdownTable(entries), to: .standardOutput)
        case .json:
            struct Item: Encodable {
                var id, name, severity, precision, summary: String
                var tags: [String]
                var options: [String]
            }
            let items = entries.map {
                Item(id: $0.id, name: $0.name, severity: $0.severity.rawValue, precision: $0.precision,
                     summary: $0.summary, tags: $0.tags, options: $0.options.map(\.name))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Output.write(String(decoding: try encoder.encode(items), as: UTF8.self) + "\n", to: .standardOutput)
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show one rule's documentation with examples.")

    @Argument(help: "A rule id, e.g. defer-in-loop.")
    var rule: String

    func run() throws {
        let entries = try loadCatalogue()
        guard let entry = entries.first(where: { $0.id == rule }) else {
            throw LintError(message: "unknown rule \"\(rule)\"" + didYouMean(rule, entries.map(\.id)))
        }
        Output.write(entry.markdown, to: .standardOutput)
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented starter .linter.yaml.")

    @Flag(help: "Overwrite an existing file.")
    var force = false

    func run() throws {
        let path = ".linter.yaml"
        if FileManager.default.fileExists(atPath: path) && !force {
            throw LintError(path: path, message: "already exists (use --force to overwrite)")
        }
        try FileSystem.writeAtomically(Array(StarterConfiguration.text(try loadCatalogue()).utf8), to: path)
        Output.write("wrote \(path)\n", to: .standardOutput)
    }
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() throws {
        Output.write("\(ToolInfo.name) \(ToolInfo.version)\n", to: .standardOutput)
    }
}

func loadCatalogue() throws -> [RuleDescription] {
    do {
        return try Catalogue.all()
    } catch {
        throw LintError(message: "internal error: \(error)")
    }
}
