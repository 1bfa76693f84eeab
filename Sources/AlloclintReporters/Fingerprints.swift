import AlloclintRules
import AlloclintSyntax

/// FNV-1a, 64 bits (Fowler–Noll–Vo; offset basis 0xcbf29ce484222325, prime 0x100000001b3): a
/// small, well-known, non-cryptographic hash, enough to tell source lines apart.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    /// 16 lower-case hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// SARIF `partialFingerprints` that identify a finding across commits without its line number:
/// `FNV-1a-64(rule id ␀ path ␀ line text):N`, where the line text is the finding's first source
/// line with leading and trailing whitespace removed and inner runs of whitespace collapsed to one
/// space, and N counts the findings with the same rule, path and line text in report order
/// (1, 2, …). Lines inserted or removed above a finding, or re-indentation, keep it; two findings
/// of one rule on identical lines differ by N.
enum LineFingerprints {
    static let key = "alloclintLineHash/v1"

    /// One fingerprint per finding, in the order given (report order).
    static func compute(_ findings: [Finding], sources: [String: SourceText]) -> [String] {
        var occurrences: [String: Int] = [:]
        // Hashed once per rule and line: a generated file's one long line may carry thousands of findings.
        var digests: [LineKey: String] = [:]
        return findings.map { finding in
            let key = LineKey(ruleID: finding.ruleID, path: finding.path, line: finding.range.start.line)
            let digest = digests[key] ?? {
                let line = sources[finding.path].map { normalized($0.line(key.line)) } ?? ""
                var hash = FNV1a64()
                hash.combine(finding.ruleID.utf8)
                hash.combine(CollectionOfOne(0))
                hash.combine(finding.path.utf8)
                hash.combine(CollectionOfOne(0))
                hash.combine(line.utf8)
                digests[key] = hash.hex
                return hash.hex
            }()
            occurrences[digest, default: 0] += 1
            return "\(digest):\(occurrences[digest]!)"
        }
    }

    private struct LineKey: Hashable {
        var ruleID: String
        var path: String
        var line: Int
    }

    /// `line` without leading and trailing whitespace, inner whitespace runs as one space.
    static func normalized(_ line: String) -> String {
        line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
