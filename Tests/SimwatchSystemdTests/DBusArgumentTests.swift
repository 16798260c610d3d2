import Testing

@testable import SimwatchSystemd

@Suite struct DBusArgumentTests {
    @Test func basicSignatures() {
        let pairs: [(DBusArgument, String)] = [
            (.string("a"), "s"), (.objectPath("/a"), "o"), (.bool(true), "b"), (.byte(1), "y"), (.int32(-1), "i"),
            (.uint32(1), "u"), (.int64(-1), "x"), (.uint64(1), "t"), (.double(0.5), "d"),
        ]
        for (argument, signature) in pairs {
            #expect(argument.signature == signature)
            #expect(argument.isBasic)
        }
    }

    @Test func containerSignatures() {
        #expect(DBusArgument.strings([]).signature == "as")
        #expect(DBusArgument.vardict([]).signature == "a{sv}")
        #expect(DBusArgument.variant(.uint32(1)).signature == "v")
        #expect(DBusArgument.structure([.string("a"), .int32(1)]).signature == "(si)")
        #expect(DBusArgument.array(element: "as", [.strings(["a"])]).signature == "aas")
        #expect(!DBusArgument.variant(.byte(1)).isBasic)
    }

    @Test func vardictKeepsOrderAndWrapsValuesInVariants() {
        let hints = DBusArgument.vardict([("urgency", .byte(2)), ("category", .string("network"))])
        #expect(
            hints
                == .array(
                    element: "{sv}",
                    [
                        .dictEntry(.string("urgency"), .variant(.byte(2))),
                        .dictEntry(.string("category"), .variant(.string("network"))),
                    ]
                )
        )
        #expect(throws: Never.self) { try hints.validate() }
    }

    @Test func arrayItemsOfAnotherTypeAreRefused() {
        let mixed = DBusArgument.array(element: "s", [.string("a"), .uint32(1)])
        #expect(throws: DBusError(message: "array of s holds a u")) { try mixed.validate() }
        let nested = DBusArgument.variant(.array(element: "as", [.array(element: "s", [.int32(1)])]))
        #expect(throws: DBusError(message: "array of s holds a i")) { try nested.validate() }
    }

    @Test func malformedContainersAreRefused() {
        #expect(throws: DBusError(message: "a dictionary entry outside an array")) {
            try DBusArgument.dictEntry(.string("k"), .string("v")).validate()
        }
        let containerKey = DBusArgument.array(element: "{vs}", [.dictEntry(.variant(.string("k")), .string("v"))])
        #expect(throws: DBusError(message: "dictionary key of type v")) { try containerKey.validate() }
        #expect(throws: DBusError(message: "an empty structure")) { try DBusArgument.structure([]).validate() }
        #expect(throws: DBusError(message: "an array needs its element signature")) {
            try DBusArgument.array(element: "", []).validate()
        }
    }

    @Test func stringsLoseTheirNULs() {
        #expect(DBusArgument.text("a\0b\0") == "ab")
        #expect(DBusArgument.text("Forfait épuisé ✈") == "Forfait épuisé ✈")
        #expect(DBusArgument.text("") == "")
    }
}
