import Foundation
import PackagePlugin

/// Embeds every `rules/<id>/rule.yaml` of the package into the target, as JSON in Swift string literals.
@main
struct EmbedCataloguePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "rules")
        let entries = try FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)
            .sorted()
            .map { rulesDirectory.appending(path: $0).appending(path: "rule.yaml") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalogue.swift")
        return [
            .buildCommand(
                displayName: "Embedding the rule catalogue (\(entries.count) entries)",
                executable: try context.tool(named: "CatalogueEmbed").url,
                arguments: [output.path] + entries.map(\.path),
                inputFiles: entries,
                outputFiles: [output]
            ),
        ]
    }
}
