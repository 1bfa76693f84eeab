// swift-tools-version:6.0
import PackageDescription

// Layers, each importing only the ones below it:
// CTreeSitter + TreeSitterGo (C) → AlloclintSyntax → AlloclintAnalysis → AlloclintRules
// → AlloclintEngine → AlloclintReporters → alloclint (CLI).
// The layers that run for every node of every tree: the runtime's checks of exclusive access to
// class properties cost more there (3.5% of a run's instructions) than the walk they guard. The
// compiler still enforces exclusivity statically.
let perNodeCode: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

let package = Package(
    name: "alloclint",
    products: [
        .executable(name: "alloclint", targets: ["alloclint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CTreeSitter",
            pkgConfig: "tree-sitter",
            providers: [.apt(["libtree-sitter-dev"])]
        ),
        .target(
            name: "TreeSitterGo",
            path: "Grammars/TreeSitterGo",
            sources: ["grammar.c"],
            publicHeadersPath: "include",
            cSettings: [.unsafeFlags(["-O2", "-w"])]
        ),
        .target(name: "AlloclintSyntax", dependencies: ["CTreeSitter", "TreeSitterGo"], swiftSettings: perNodeCode),
        .target(name: "AlloclintAnalysis", dependencies: ["AlloclintSyntax"], swiftSettings: perNodeCode),
        .target(
            name: "AlloclintRules",
            dependencies: ["AlloclintAnalysis", "AlloclintSyntax"],
            swiftSettings: perNodeCode,
            plugins: ["EmbedCataloguePlugin"]
        ),
        .target(
            name: "AlloclintEngine",
            dependencies: ["AlloclintRules", "AlloclintSyntax", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "AlloclintReporters", dependencies: ["AlloclintEngine", "AlloclintRules", "AlloclintSyntax"]),
        .executableTarget(
            name: "alloclint",
            dependencies: [
                "AlloclintEngine", "AlloclintReporters", "AlloclintRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Mutation fuzzer over the in-process pipeline (`make fuzz`; a short run is in the tests).
        .executableTarget(
            name: "AlloclintFuzz",
            dependencies: ["AlloclintAnalysis", "AlloclintEngine", "AlloclintReporters", "AlloclintRules", "AlloclintSyntax"]
        ),
        // Build tool: embeds rules/*/rule.yaml into AlloclintRules, so the catalogue needs no file at run time.
        .executableTarget(name: "CatalogueEmbed", dependencies: [.product(name: "Yams", package: "Yams")]),
        .plugin(
            name: "EmbedCataloguePlugin",
            capability: .buildTool(),
            dependencies: ["CatalogueEmbed"],
            path: "Sources/EmbedCataloguePlugin"
        ),
        .testTarget(
            name: "AlloclintTests",
            dependencies: ["AlloclintSyntax", "AlloclintAnalysis", "AlloclintRules", "AlloclintEngine", "AlloclintReporters"]
        ),
        .testTarget(name: "AlloclintCLITests", dependencies: ["alloclint", "AlloclintFuzz"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v5]
)
