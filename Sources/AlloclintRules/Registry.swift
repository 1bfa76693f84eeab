/// Every rule alloclint has, registered in this one place. A test checks that this list and the
/// catalogue in `rules/` name the same ids.
public let registeredRules: [any Rule.Type] = [
    DeferInLoopRule.self,
    InterfaceBoxingInLoopRule.self,
    InterfaceParamRule.self,
    LoopClosureRule.self,
    MapPreallocRule.self,
    PoolPutNonPointerRule.self,
    PoolUnresetPutRule.self,
    PoolUseAfterPutRule.self,
    SlicePreallocRule.self,
    StringConcatInLoopRule.self,
    SyntaxErrorRule.self,
]
