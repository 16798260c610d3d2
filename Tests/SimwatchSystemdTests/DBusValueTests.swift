import SimwatchSystemd
import Testing

@Suite struct DBusValueTests {
    @Test func accessorsLookThroughVariants() {
        let value = DBusValue.variant(.variant(.string("/org/freedesktop/ModemManager1/SIM/0")))
        #expect(value.string == "/org/freedesktop/ModemManager1/SIM/0")
        #expect(value.unwrapped == .string("/org/freedesktop/ModemManager1/SIM/0"))
        #expect(DBusValue.variant(.uint(3)).uint == 3)
        #expect(DBusValue.variant(.array([.string("a")])).array == [.string("a")])
        #expect(DBusValue.variant(.dict(["k": .bool(true)])).dict == ["k": .bool(true)])
    }

    @Test func accessorsRefuseOtherTypes() {
        #expect(DBusValue.int(-1).uint == nil)
        #expect(DBusValue.int(7).uint == 7)
        #expect(DBusValue.uint(1).string == nil)
        #expect(DBusValue.string("1").uint == nil)
        #expect(DBusValue.structure([]).dict == nil)
        #expect(DBusValue.dict([:]).array == nil)
    }
}
