import AlloclintAnalysis
import AlloclintRules
import Foundation

// alloclint-fuzz: a deterministic mutation fuzzer over alloclint's in-process pipeline.
// `make fuzz N=…` runs it long; a short run is part of `make test` (FuzzTests).

let usage = """
    usage: AlloclintFuzz [--runs N] [--seconds S] [--seed N] [--corpus DIR]... [--regressions DIR]
                         [--crash-file FILE] [--replay N] [--from N]
      --runs N           executions after the regressions (default 3000)
      --from N           first execution (default 0): a long run can be split into shards run at once
      --seconds S        stop earlier, after S seconds
      --seed N           seed of the run (default 1): execution i's input depends only on (seed, i)
      --corpus DIR       Go files to mutate (default: rules and examples; plus the catalogue examples)
      --regressions DIR  inputs that once failed, executed first (default: Tests/FuzzRegressions)
      --crash-file FILE  where the failing input is saved (default: fuzz-crash.go)
      --replay N         only regenerate execution N, save it to the crash file and execute it
    exit status: 0 no failure; 1 broken invariant; 3 hang; killed by a signal: crash

    """

struct Settings {
    var runs = 3_000
    var seconds: Double?
    var seed: UInt64 = 1
    var corpusDirectories: [String] = []
    var regressions = "Tests/FuzzRegressions"
    var crashFile = "fuzz-crash.go"
    var replay: Int?
    var first = 0

    init(_ arguments: [String]) {
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            return value
        }
        func number<T: LosslessStringConvertible>(_ flag: String) -> T {
            guard let number = T(value(flag)) else { fail("\(flag) needs a number") }
            return number
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--runs": runs = number(flag)
            case "--seconds": seconds = number(flag) as Double
            case "--seed": seed = number(flag)
            case "--corpus": corpusDirectories.append(value(flag))
            case "--regressions": regressions = value(flag)
            case "--crash-file": crashFile = value(flag)
            case "--replay": replay = number(flag) as Int
            case "--from": first = number(flag)
            case "-h", "--help": FileHandle.standardOutput.write(Data(usage.utf8)); exit(0)
            default: fail("unknown argument \(flag)")
            }
        }
        if corpusDirectories.isEmpty { corpusDirectories = ["rules", "examples"] }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("alloclint-fuzz: \(message)\n\(usage)".utf8))
    exit(2)
}

/// The `.go` files below `directory`, sorted (for a corpus that does not depend on directory order).
func goFiles(below directory: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".go") }.sorted().map { directory + "/" + $0 }
}

func contents(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map(Array.init) }

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let target: FuzzTarget
do { target = try FuzzTarget() } catch { fail("cannot start: \(error)") }

let regressions = goFiles(below: settings.regressions).compactMap { path in contents(path).map { (path, $0) } }
var corpus = settings.corpusDirectories.flatMap(goFiles(below:)).compactMap(contents)
corpus += target.catalogue.flatMap { $0.examples.bad + $0.examples.good }.map { Array($0.code.utf8) }
corpus += regressions.map(\.1)
let generator = InputGenerator(corpus: corpus)
CrashGuard.install(crashFile: settings.crashFile, hangSeconds: 60)

func save(_ input: [UInt8]) {
    guard FileManager.default.createFile(atPath: settings.crashFile, contents: Data(input)) else {
        fail("cannot write \(settings.crashFile)")
    }
}

/// Executes one input; a broken invariant saves it and ends the run.
func execute(_ input: [UInt8], index: Int, goVersion: GoVersion, label: String) {
    let broken = CrashGuard.guarding(input, execution: index) { target.execute(input, goVersion: goVersion) }
    if let broken {
        save(input)
        FileHandle.standardError.write(Data("alloclint-fuzz: \(label): \(broken); input saved to \(settings.crashFile)\n".utf8))
        exit(1)
    }
}

/// Execution `index`'s input and language version (before or after per-iteration loop variables).
func generated(_ index: Int) -> ([UInt8], GoVersion) {
    var random = SplitMix64(seed: settings.seed, execution: index)
    let input = generator.input(&random)
    return (input, random.chance(50) ? GoVersion(minor: 21) : .newest)
}

if let index = settings.replay {
    let (input, version) = generated(index)
    save(input)
    execute(input, index: index, goVersion: version, label: "execution \(index)")
    print("alloclint-fuzz: execution \(index) (\(input.count) bytes, saved to \(settings.crashFile)) passed")
    exit(0)
}

let started = Date()
for (path, input) in regressions {
    for version in [GoVersion(minor: 21), .newest] { execute(input, index: -1, goVersion: version, label: path) }
}
var executions = 0
var bytes = 0
var lastProgress = started
var slowest = (index: 0, seconds: 0.0)
while executions < settings.runs {
    let elapsed = Date().timeIntervalSince(started)
    if let limit = settings.seconds, elapsed >= limit { break }
    let index = settings.first + executions
    let (input, version) = generated(index)
    let executionStarted = Date()
    execute(input, index: index, goVersion: version, label: "execution \(index) (seed \(settings.seed))")
    let executionSeconds = Date().timeIntervalSince(executionStarted)
    if executionSeconds > slowest.seconds { slowest = (index, executionSeconds) }
    executions += 1
    bytes += input.count
    if Date().timeIntervalSince(lastProgress) >= 30 {
        lastProgress = Date()
        FileHandle.standardError.write(Data(String(format: "alloclint-fuzz: %d executions, %.0f/s\n",
                                                   executions, Double(executions) / elapsed).utf8))
    }
}
let seconds = Date().timeIntervalSince(started)
print(String(format: "alloclint-fuzz: %d executions from %d (%.1f MB) in %.1f s (%.0f/s, slowest: execution %d, %.2f s), seed %llu, corpus %d inputs, %d regressions: no crash, hang or broken invariant",
             executions, settings.first, Double(bytes) / 1e6, seconds, Double(executions) / max(seconds, 0.001), slowest.index, slowest.seconds,
             settings.seed, corpus.count, regressions.count))
