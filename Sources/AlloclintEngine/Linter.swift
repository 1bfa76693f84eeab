import AlloclintAnalysis
import AlloclintRules
import AlloclintSyntax
import Dispatch
import Foundation

/// What to lint and how: the engine's view of the command line.
public struct LintOptions: Sendable {
    public var paths: [String] = []
    /// An explicit configuration file; nil: look for `.linter.yaml` upwards.
    public var configPath: String?
    public var useConfig = true
    public var enable: [String] = []
    public var disable: [String] = []
    /// Source text given on standard input, reported under `stdinFilename`.
    public var stdin: [UInt8]?
    public var stdinFilename: String?
    /// Standard input being read and parsed ahead (the command-line tool starts it): the tree is
    /// used when `stdin` is its text.
    public var stdinPrefetch: StandardInputPrefetch?
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var goVersion: GoVersion?
    public var exclude: [String] = []
    public var includeGenerated = false
    /// Read, parse and walk every file; run no rule, report nothing.
    public var parseOnly = false
    /// Report only findings on lines added or changed since this git revision.
    public var newFromRevision: String?
    /// Rule options set by the caller (tests, embedders), above the configuration's.
    public var ruleOptions: [String: [String: OptionValue]] = [:]
    /// Apply the safe fixes (`--fix`), or only compute them (`--diff`).
    public var fixMode = FixMode.none
    /// Collects the time spent parsing and in each rule (`--profile-rules`).
    public var ruleProfile: RuleProfile?
    /// Packages with more bytes than this are checked a file at a time (see `Linter.check`).
    public var wholePackageByteLimit = 1 << 20
    /// How much source of other packages of a module (read for analyses that follow calls into
    /// them) a worker keeps from one package to the next.
    public var modulePackageBytesKept = 1 << 19

    public init() {}
}

/// Everything a run produced, ready for a reporter.
public struct LintResult: Sendable {
    /// Sorted by path, line, column, rule.
    public var findings: [Finding] = []
    /// Problems other than findings (unreadable paths, …): the run exits with status 2.
    public var errors: [LintError] = []
    /// The source of every file with findings, by display path (for excerpts and fingerprints).
    public var sources: [String: SourceText] = [:]
    public var filesLinted = 0
    public var bytesLinted = 0
    public var linesLinted = 0
    public var configurationPath: String?
    /// With a fix mode: the files the safe fixes change, in path order. The findings are then those
    /// that remain in the fixed sources.
    public var fixedFiles: [FixedFile] = []

    public init() {}
}

/// The lint engine: discovers files, groups them by package directory, parses and checks the
/// packages in parallel, applies configuration and suppressions, and sorts the findings.
public struct Linter {
    public let options: LintOptions
    public let catalogue: [RuleDescription]
    public let configuration: Configuration
    private let enabledRules: [any Rule.Type]
    /// With `newFromRevision`: the lines findings must be on.
    private let changedLines: ChangedLines?

    /// Loads the catalogue and configuration, checks rule names and reads the changes since
    /// `newFromRevision`: errors here are usage errors.
    public init(options: LintOptions) throws(LintError) {
        self.options = options
        do throws(GrammarError) {
            try GoGrammar.validate()
        } catch {
            throw LintError(message: error.message)
        }
        do {
            catalogue = try Catalogue.all()
        } catch {
            throw LintError(message: "internal error: \(error)")
        }
        configuration = try Linter.loadConfiguration(options, catalogue)
        let known = catalogue.map(\.id)
        for id in options.enable + options.disable where !known.contains(id) {
            throw LintError(message: "unknown rule \"\(id)\"" + didYouMean(id, known))
        }
        let configuration = self.configuration
        enabledRules = registeredRules.filter { type in
            if options.disable.contains(type.id) { return false }
            if options.enable.contains(type.id) { return true }
            return configuration.rules[type.id]?.enabled ?? true
        }
        changedLines = try options.newFromRevision.map { revision throws(LintError) in
            try ChangedLines.since(revision, in: FileSystem.currentDirectory)
        }
    }

    private static func loadConfiguration(_ options: LintOptions, _ catalogue: [RuleDescription]) throws(LintError) -> Configuration {
        let start = options.stdinFilename.map { (FileSystem.absolute($0) as NSString).deletingLastPathComponent }
            ?? FileSystem.currentDirectory
        guard options.useConfig else { return Configuration(baseDirectory: start) }
        if let path = options.configPath {
            guard FileSystem.exists(path) else { throw LintError(path: path, message: "configuration file not found") }
            return try Configuration.load(path: path, catalogue: catalogue)
        }
        guard let found = Configuration.find(from: start) else { return Configuration(baseDirectory: start) }
        return try Configuration.load(path: found, catalogue: catalogue)
    }

    public func run() -> LintResult {
        var result = LintResult()
        result.configurationPath = configuration.path
        let commandLineExcludes: [Glob]
        do {
            commandLineExcludes = try options.exclude.map { pattern throws(LintError) in try Glob(pattern) }
        } catch {
            result.errors.append(LintError(message: "--exclude: \(error.message)"))
            return result
        }
        // Excludes apply to files named on the command line and to the stdin filename too, so a
        // pre-commit hook or an editor that names one file agrees with a run over the directory.
        let excluded = { (absolutePath: String) in
            configuration.excludes(absolutePath) ||
                commandLineExcludes.contains { $0.matches(FileSystem.relative(absolutePath, to: FileSystem.currentDirectory)) }
        }
        var packages: [PackageInput]
        if let stdin = options.stdin {
            let package = stdinPackage(stdin, excluded: excluded)
            packages = package.files[0].reported ? [package] : []
        } else {
            let discovery = FileDiscovery(paths: options.paths)
            result.errors += discovery.errors
            packages = PackageInput.group(discovery.files.filter { !excluded($0.absolutePath) })
                .compactMap { package in changedLines.map { package.reportingOnly(changed: $0) } ?? package }
        }
        let versions = GoVersionResolver(override: options.goVersion ?? configuration.goVersion)
        let fileWorkers = packages.count == 1 ? options.jobs : 1
        // Packages checked a file at a time still hold the declarations of all their files.
        let isLarge = { (package: PackageInput) in package.bytes > options.wholePackageByteLimit }
        var outputs = ParallelMap.run(packages, jobs: options.jobs, heavyAtOnce: max(1, options.jobs / 2),
                                      isHeavy: isLarge) { package, worker in
            defer { if isLarge(package) { FreedMemory.release() } }
            return check(package, worker: worker, versions: versions, fileWorkers: fileWorkers)
        }
        if options.fixMode != .none {
            let fixed = applyFixes(&packages, &outputs, versions: versions)
            result.fixedFiles = fixed.files
            result.errors += fixed.errors
        }
        for output in outputs {
            result.findings += output.findings
            result.errors += output.errors
            result.filesLinted += output.files
            result.bytesLinted += output.bytes
            result.linesLinted += output.lines
            result.sources.merge(output.sources) { first, _ in first }
        }
        result.findings.sort(by: Finding.reportOrder)
        result.errors.sort { $0.description < $1.description }
        return result
    }

    /// The stdin file, reported unless excluded, plus for package context the Go files a directory
    /// run would read beside it, outlined: their declarations are parsed when the analysis of the
    /// stdin file first looks up a name they declare (`PackageContextFiles`). The on-disk copy of
    /// the stdin file is replaced by the stdin text.
    private func stdinPackage(_ bytes: [UInt8], excluded: (String) -> Bool) -> PackageInput {
        let name = options.stdinFilename ?? "<stdin>"
        let absolute = FileSystem.absolute(name)
        let directory = (absolute as NSString).deletingLastPathComponent
        let files = [PackageInput.File(absolutePath: absolute, explicit: true, contents: bytes, reported: !excluded(absolute),
                                       parsedAhead: options.stdinPrefetch)]
        guard options.stdinFilename != nil, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return PackageInput(directory: directory, files: files)
        }
        // A file outside the tests builds without them, so nothing it refers to is declared in one:
        // its package's test files (most of a well-tested package's source) are not read.
        let readsTests = FileDiscovery.isTestFileName(absolute)
        let paths = names.sorted().filter { name in
            FileDiscovery.isGoFileName(name) && (readsTests || !FileDiscovery.isTestFileName(name))
        }.map { directory + "/" + $0 }.filter { path in
            let type = FileSystem.entryType(path)
            return path != absolute && (type == .file || type == .symlinkToFile) && !excluded(path)
        }
        // Read and outlined in parallel: a large package has many files, and the editor waits.
        let context = ParallelMap.run(paths, jobs: options.jobs) { path, _ -> PackageContextFiles.File? in
            guard let contents = try? FileSystem.read(path) else { return nil }
            if !options.includeGenerated && FileHeader(contents).isGenerated { return nil }
            return PackageContextFiles.File(path: displayPath(path), bytes: contents)
        }.compactMap { $0 }
        return PackageInput(directory: directory, files: files, context: context)
    }

    private struct PackageOutput {
        var findings: [Finding] = []
        var errors: [LintError] = []
        var sources: [String: SourceText] = [:]
        var files = 0, bytes = 0, lines = 0
        /// With a fix mode: the files whose reported findings carry fixes.
        var fixable: [FixableFile] = []
    }

    private struct FixableFile {
        var path: String
        var absolutePath: String
        var source: SourceText
        /// Files that do not parse are never fixed.
        var parses: Bool
        var fixes: [Fix]
    }

    /// Rounds of fixing and re-checking: a fix deferred because it overlapped another is applied in
    /// the next round, so that a second `--fix` has nothing left to do.
    private static let maxFixRounds = 4

    /// Applies the safe fixes in rounds — fix, re-check the changed packages, fix what is left —
    /// until nothing changes; then, in `.apply` mode, writes the changed files atomically.
    private func applyFixes(_ packages: inout [PackageInput], _ outputs: inout [PackageOutput],
                            versions: GoVersionResolver) -> (files: [FixedFile], errors: [LintError]) {
        guard let parser = try? GoParser() else { return ([], []) }
        var files: [String: FixedFile] = [:]
        /// Files with a refused fix: reported once, then left as they are.
        var settled: Set<String> = []
        var errors: [LintError] = []
        for _ in 0..<Linter.maxFixRounds {
            var changed: [Int] = []
            for (index, output) in outputs.enumerated() {
                var contents: [String: [UInt8]] = [:]
                for file in output.fixable where file.parses && !settled.contains(file.absolutePath) {
                    let outcome = FixApplier.apply(file.fixes, to: file.source.bytes, parser: parser)
                    for fix in outcome.refused {
                        let line = file.source.position(at: fix.edits.map(\.range.lowerBound).min() ?? 0).line
                        errors.append(LintError(path: file.path, line: line,
                                                message: "fix refused, the file would no longer parse: \(fix.description)"))
                        settled.insert(file.absolutePath)
                    }
                    guard !outcome.applied.isEmpty else { continue }
                    contents[file.absolutePath] = outcome.bytes
                    var entry = files[file.absolutePath] ?? FixedFile(
                        path: file.path, absolutePath: file.absolutePath, original: file.source.bytes, fixed: [],
                        fixCount: 0, isStandardInput: options.stdin != nil)
                    entry.fixed = outcome.bytes
                    entry.fixCount += outcome.applied.count
                    files[file.absolutePath] = entry
                }
                guard !contents.isEmpty else { continue }
                for position in packages[index].files.indices {
                    if let fixed = contents[packages[index].files[position].absolutePath] {
                        packages[index].files[position].contents = fixed
                    }
                }
                changed.append(index)
            }
            if changed.isEmpty { break }
            let rechecked = ParallelMap.run(changed.map { packages[$0] }, jobs: options.jobs) { package, worker in
                check(package, worker: worker, versions: versions)
            }
            for (index, output) in zip(changed, rechecked) { outputs[index] = output }
        }
        let changedFiles = files.values.filter { $0.fixed != $0.original }.sorted { $0.path < $1.path }
        if options.fixMode == .apply {
            for file in changedFiles where !file.isStandardInput {
                do throws(LintError) {
                    try FileSystem.writeAtomically(file.fixed, to: FileSystem.resolvingSymlinks(file.absolutePath))
                } catch {
                    errors.append(LintError(path: file.path, message: "cannot write the fixes: \(error.message)"))
                }
            }
        }
        return (changedFiles, errors)
    }

    /// Reads, parses and checks one package directory. With `fileWorkers` > 1 its files are
    /// parsed in parallel: for a run with one package (an editor's stdin file among the files it
    /// refers to, a hook on one directory), where packages give no parallelism.
    ///
    /// A package of more than `wholePackageByteLimit` bytes is not held whole: a file made mostly
    /// of function bodies is parsed first without them, for the others to read its declarations,
    /// and parsed whole only while it is linted (`GoPackage.replacing(_:with:)`). Trees take
    /// about 40 bytes per byte of source.
    private func check(_ input: PackageInput, worker: ParallelMap.Worker, versions: GoVersionResolver, fileWorkers: Int = 1) -> PackageOutput {
        let parser = worker.parser
        var output = PackageOutput()
        let directoryVersion = versions.version(forDirectory: input.directory)
        let goVersion = { (bytes: [UInt8]) in
            GoVersionResolver.buildConstraintVersion(in: bytes).map { max($0, directoryVersion) } ?? directoryVersion
        }
        var sources: [(file: PackageInput.File, source: SourceText)] = []
        for file in input.files {
            let bytes: [UInt8]
            do throws(LintError) {
                if let contents = file.contents { bytes = contents } else { bytes = try FileSystem.read(file.absolutePath) }
            } catch {
                if file.reported { output.errors.append(LintError(path: displayPath(file.absolutePath), message: error.message)) }
                continue
            }
            if !file.explicit && !options.includeGenerated && FileHeader(bytes).isGenerated { continue }
            sources.append((file, SourceText(bytes: bytes)))
        }
        let packageBytes = sources.reduce(0) { $0 + ($1.file.reported ? $1.source.bytes.count : 0) }
        if !options.parseOnly && packageBytes > options.wholePackageByteLimit {
            for index in sources.indices where sources[index].file.reported {
                let ranges = TopLevelOutline(sources[index].source.bytes).declarationRanges
                if ranges.reduce(0, { $0 + $1.count }) * 2 < sources[index].source.bytes.count {
                    sources[index].file.contextRanges = ranges
                }
            }
        }
        let profile = options.ruleProfile
        let timed = { (parse: () -> SyntaxTree) -> SyntaxTree in
            let started = profile == nil ? 0 : RuleProfile.now()
            defer { profile?.addParse(RuleProfile.now() - started) }
            return parse()
        }
        // A file read only for package context contributes package-level declarations, never
        // findings: its function bodies need not be parsed.
        let parseFirst = { (entry: (file: PackageInput.File, source: SourceText), parser: GoParser) -> SyntaxTree in
            if entry.file.contextRanges == nil, let tree = entry.file.parsedAhead?.takeTree(matching: entry.source.bytes) { return tree }
            return timed {
                if let ranges = entry.file.contextRanges { return parser.parse(entry.source, ranges: ranges) }
                return entry.file.reported ? parser.parse(entry.source) : parser.parseDeclarations(entry.source)
            }
        }
        let context = input.context.isEmpty || options.parseOnly
            ? nil : PackageContextFiles(input.context, goVersion: goVersion, parser: parser)
        // Standard input is still being parsed on a thread of its own: this one meanwhile parses
        // the declarations of the package that the text names.
        if let context, let stdin = sources.first(where: { $0.file.parsedAhead != nil }), let prefetch = stdin.file.parsedAhead {
            context.prepare(mentionedIn: stdin.source.bytes, while: { !prefetch.isParsed })
        }
        let trees = fileWorkers > 1 && sources.count > 1
            ? ParallelMap.run(sources, jobs: fileWorkers) { parseFirst($0, $1.parser) }
            : sources.map { parseFirst($0, parser) }
        var goFiles: [(file: GoFile, reported: Bool, absolute: String, parsedWholeLater: Bool)] = []
        for ((file, source), tree) in zip(sources, trees) {
            goFiles.append((GoFile(path: displayPath(file.absolutePath), tree: tree, goVersion: goVersion(source.bytes)), file.reported,
                            file.absolutePath, file.contextRanges != nil))
            if file.reported {
                output.files += 1
                output.bytes += source.bytes.count
                output.lines += source.lineCount
            }
        }
        if options.parseOnly {
            for entry in goFiles where entry.reported { _ = RuleRunner.walkOnly(entry.file.tree) }
            return output
        }
        // Kept to the end of the check: the package holds it weakly.
        let module = ModulePackageLoader(enclosing: input.directory, versions: versions)
        let modulePackages = module.map { worker.modulePackages(of: $0, keepingUpTo: options.modulePackageBytesKept) }
        let package = GoPackage(directory: input.directory, files: goFiles.map(\.file), modulePackages: modulePackages,
                                importPath: module?.importPath(ofDirectory: input.directory), context: context)
        let runner = RuleRunner(ruleTypes: enabledRules, options: ruleOptions, profile: profile)
        for entry in goFiles where entry.reported && !entry.parsedWholeLater {
            report(runner.run(entry.file), in: entry.file, absolutePath: entry.absolute, to: &output)
        }
        for entry in goFiles where entry.reported && entry.parsedWholeLater {
            let file = GoFile(path: entry.file.path, tree: timed { parser.parse(entry.file.source) }, goVersion: entry.file.goVersion)
            withExtendedLifetime(package.replacing(entry.file, with: file)) {
                report(runner.run(file), in: file, absolutePath: entry.absolute, to: &output)
            }
        }
        withExtendedLifetime((modulePackages, context)) {}
        return output
    }

    /// Adds the findings of one file that its suppressions, the configuration and `--new-from-rev`
    /// let through.
    private func report(_ found: [RuleFinding], in file: GoFile, absolutePath: String, to output: inout PackageOutput) {
        if found.isEmpty { return }
        let changes = changedLines?.changes(in: absolutePath)
        let suppressions = Suppressions(tree: file.tree)
        let source = file.source
        var fixes: [Fix] = []
        for finding in found {
            let range = source.range(of: finding.range)
            if suppressions.suppresses(ruleID: finding.ruleID, line: range.start.line) { continue }
            if configuration.ruleExcludes(finding.ruleID, absolutePath) { continue }
            if changedLines != nil && changes?.contains(line: range.start.line) != true { continue }
            output.findings.append(Finding(
                ruleID: finding.ruleID,
                severity: severity(of: finding.ruleID),
                message: finding.message,
                path: file.path,
                range: range,
                related: finding.related.map { RelatedLocation(range: source.range(of: $0.range), message: $0.message) },
                fix: finding.fix))
            if let fix = finding.fix { fixes.append(fix) }
        }
        output.sources[file.path] = source
        if options.fixMode != .none && !fixes.isEmpty {
            output.fixable.append(FixableFile(path: file.path, absolutePath: absolutePath, source: source,
                                              parses: !file.tree.root.hasError, fixes: fixes))
        }
    }

    /// The effective severity: configuration, else the catalogue default.
    public func severity(of ruleID: String) -> Severity {
        configuration.rules[ruleID]?.severity ?? catalogue.first { $0.id == ruleID }?.severity ?? .warning
    }

    /// Catalogue defaults overridden by the configuration, per rule.
    private var ruleOptions: [String: RuleOptions] {
        var result: [String: RuleOptions] = [:]
        for entry in catalogue {
            var options = entry.defaultOptions
            for (name, value) in configuration.rules[entry.id]?.options ?? [:] { options.values[name] = value }
            for (name, value) in self.options.ruleOptions[entry.id] ?? [:] { options.values[name] = value }
            result[entry.id] = options
        }
        return result
    }
}

/// The files of one package directory, before reading.
struct PackageInput {
    struct File {
        var absolutePath: String
        var explicit: Bool
        /// Already in memory (stdin); nil: read from disk.
        var contents: [UInt8]?
        /// Findings in this file are reported (false: read only for package context).
        var reported: Bool
        /// For a reported file of a large package: the ranges of its first parse, before it is parsed
        /// whole to be linted. Nil: the whole file, or every declaration for package context.
        var contextRanges: [Range<Int>]? = nil
        /// Standard input read and being parsed on a thread of its own: its tree is taken when
        /// `contents` are still its text.
        var parsedAhead: StandardInputPrefetch? = nil
    }

    var directory: String
    var files: [File]
    /// Files read for package context, parsed a few declarations at a time as they are looked up.
    var context: [PackageContextFiles.File] = []
    /// The size of its files when discovered (0 when not known).
    var bytes = 0

    /// With `--new-from-rev`: only files with changed lines are reported; the others stay as
    /// package context. Nil when no file of the package changed.
    func reportingOnly(changed: ChangedLines) -> PackageInput? {
        var result = self
        for index in result.files.indices where changed.changes(in: result.files[index].absolutePath) == nil {
            result.files[index].reported = false
        }
        return result.files.contains(where: \.reported) ? result : nil
    }

    /// Groups files by directory, largest packages (in bytes on disk) first so parallel workers
    /// finish together.
    static func group(_ files: [DiscoveredFile]) -> [PackageInput] {
        var byDirectory: [String: PackageInput] = [:]
        for file in files {
            let directory = (file.absolutePath as NSString).deletingLastPathComponent
            byDirectory[directory, default: PackageInput(directory: directory, files: [])].files
                .append(File(absolutePath: file.absolutePath, explicit: file.explicit, contents: nil, reported: true))
            byDirectory[directory]?.bytes += file.size
        }
        return byDirectory.values.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.directory < $1.directory }
    }
}

/// Maps work items to results on `jobs` threads, each with its own parser; results keep input order.
/// At most `heavyAtOnce` items for which `isHeavy` holds run at the same time, the others going on
/// meanwhile: the trees of a large package take memory that two at once would double.
enum ParallelMap {
    /// What a worker thread keeps from one item to the next.
    final class Worker {
        let parser: GoParser
        /// The other packages of a Go module that analyses read (`ModulePackages`), by module
        /// root: kept across the packages a worker checks, so that a package that many call into
        /// (`testing`, for the `t.Run` in their loops) is read once per worker, not once per caller.
        private var modules: [String: ModulePackages] = [:]

        init(parser: GoParser) { self.parser = parser }

        /// The module's packages read so far by this worker; none once the modules' packages
        /// hold more than `bytesKept` bytes of source (their text, outlines and the trees of what
        /// was looked up take memory: a package that needs them again reads them again).
        func modulePackages(of module: ModulePackageLoader, keepingUpTo bytesKept: Int) -> ModulePackages {
            if modules.values.reduce(0, { $0 + $1.loadedBytes }) > bytesKept { modules = [:] }
            if let kept = modules[module.root] { return kept }
            let packages = ModulePackages(parser: parser, load: module.load)
            modules[module.root] = packages
            return packages
        }
    }

    static func run<Input, Output>(_ inputs: [Input], jobs: Int, heavyAtOnce: Int = .max,
                                   isHeavy: (Input) -> Bool = { _ in false }, _ body: (Input, Worker) -> Output) -> [Output] {
        var results = [Output?](repeating: nil, count: inputs.count)
        let workers = max(1, min(jobs, inputs.count))
        let heavy = inputs.indices.filter { isHeavy(inputs[$0]) }
        let light = inputs.indices.filter { !isHeavy(inputs[$0]) }
        var nextHeavy = 0, nextLight = 0, heavyRunning = 0
        let condition = NSCondition()
        /// The next item to map and whether it is heavy; nil when all are taken.
        func take() -> (index: Int, heavy: Bool)? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if nextHeavy < heavy.count && heavyRunning < heavyAtOnce {
                    heavyRunning += 1
                    nextHeavy += 1
                    return (heavy[nextHeavy - 1], true)
                }
                if nextLight < light.count {
                    nextLight += 1
                    return (light[nextLight - 1], false)
                }
                guard nextHeavy < heavy.count else { return nil }
                condition.wait()
            }
        }
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                // The grammar was validated when the Linter was made: a parser cannot fail here.
                guard let parser = try? GoParser() else { preconditionFailure("the Go grammar was validated at start-up") }
                let worker = Worker(parser: parser)
                while let item = take() {
                    slots[item.index] = body(inputs[item.index], worker)
                    guard item.heavy else { continue }
                    condition.lock()
                    heavyRunning -= 1
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
        return results.compactMap { $0 }
    }
}
