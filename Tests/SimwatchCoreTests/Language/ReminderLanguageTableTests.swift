import SimwatchCore
import Testing

/// Every kind × event × language, rendered with the built-in templates from `LanguageFixture`, against texts a
/// reader of each language reviewed: the subject of each event, and the brief body (summary and details) of each
/// kind. English is what simwatch always wrote.
@Suite struct ReminderLanguageTableTests {
    static let cases: [(Language, ReminderKind, String)] = Language.allCases.flatMap { language in
        ReminderKind.allCases.flatMap { kind in LanguageFixture.events.map { (language, kind, $0) } }
    }

    @Test(arguments: cases)
    func subject(_ language: Language, _ kind: ReminderKind, _ event: String) throws {
        let reminder = LanguageFixture.reminder(kind, event: event, language: language)
        let subject = try ReminderTemplates(style: .full).render(reminder, zone: .utc).subject
        #expect(subject == Self.expected["\(language)/\(kind.rawValue)/\(event)"])
    }

    @Test(arguments: Language.allCases, ReminderKind.allCases)
    func body(_ language: Language, _ kind: ReminderKind) throws {
        let reminder = LanguageFixture.reminder(kind, event: "firing", language: language)
        let body = try ReminderTemplates(style: .brief).render(reminder, zone: .utc).body
        #expect(body == Self.expected["\(language)/\(kind.rawValue)|body"])
    }

    @Test func theTableCoversEveryCase() {
        #expect(Self.expected.count == Self.cases.count + Language.allCases.count * ReminderKind.allCases.count)
    }

    static let expected: [String: String] = [
        "en/low_data/firing": "Low data on Orange Holiday: 984 MB left",
        "en/low_data/repeat": "Low data on Orange Holiday: 984 MB left (reminder)",
        "en/low_data/escalated": "Low data on Orange Holiday: 984 MB left (escalated)",
        "en/low_data/renewed": "Low data on Orange Holiday: 984 MB left",
        "en/low_data/resolved": "Low data on Orange Holiday: 984 MB left",
        "en/low_data|body":
            "Orange Holiday: 984 MB left of 5 GB (20%), at this pace it lasts 1d 16h, plan expires Mon 30 Nov 00:00 UTC: renew now at https://boutique.orange.fr/recharge\nRenew at https://boutique.orange.fr/recharge or by dialling #123#; support +33 9 69 36 39 00.\nRemaining: 984 MB left of 5 GB (20%)\nExpires: Mon 30 Nov 00:00 UTC (2026-11-30T00:00:00+00:00)\nPace: 590 MB/day\nTo last until expiry: 328 MB/day\nCredit: 3 EUR\nRule: data_below (data_below, warning)\nSource: test, observed Fri 27 Nov 00:00 UTC",
        "en/expiring/firing": "Plan expires in 3d: Orange Holiday",
        "en/expiring/repeat": "Plan expires in 3d: Orange Holiday (reminder)",
        "en/expiring/escalated": "Plan expires in 3d: Orange Holiday (escalated)",
        "en/expiring/renewed": "Plan expires in 3d: Orange Holiday",
        "en/expiring/resolved": "Plan expires in 3d: Orange Holiday",
        "en/expiring|body":
            "Orange Holiday: plan expires in 3d (Mon 30 Nov 00:00 UTC), 984 MB left: renew now at https://boutique.orange.fr/recharge\nRenew at https://boutique.orange.fr/recharge or by dialling #123#; support +33 9 69 36 39 00.\nRemaining: 984 MB left of 5 GB (20%)\nExpires: Mon 30 Nov 00:00 UTC (2026-11-30T00:00:00+00:00)\nPace: 590 MB/day\nTo last until expiry: 328 MB/day\nCredit: 3 EUR\nRule: expires_within (expires_within, warning)\nSource: test, observed Fri 27 Nov 00:00 UTC",
        "en/runs_out/firing": "Data on Orange Holiday runs out in 1d 16h",
        "en/runs_out/repeat": "Data on Orange Holiday runs out in 1d 16h (reminder)",
        "en/runs_out/escalated": "Data on Orange Holiday runs out in 1d 16h (escalated)",
        "en/runs_out/renewed": "Data on Orange Holiday runs out in 1d 16h",
        "en/runs_out/resolved": "Data on Orange Holiday runs out in 1d 16h",
        "en/runs_out|body":
            "Orange Holiday: at this pace (590 MB/day) data runs out in 1d 16h (Sat 28 Nov 16:00 UTC), 1d 8h before the plan expires, use at most 328 MB/day to last\nRenew at https://boutique.orange.fr/recharge or by dialling #123#; support +33 9 69 36 39 00.\nRemaining: 984 MB left of 5 GB (20%)\nExpires: Mon 30 Nov 00:00 UTC (2026-11-30T00:00:00+00:00)\nPace: 590 MB/day\nTo last until expiry: 328 MB/day\nCredit: 3 EUR\nRule: runs_out_within (runs_out_within, warning)\nSource: test, observed Fri 27 Nov 00:00 UTC",
        "en/credit_low/firing": "Low credit on Orange Holiday: 3 EUR",
        "en/credit_low/repeat": "Low credit on Orange Holiday: 3 EUR (reminder)",
        "en/credit_low/escalated": "Low credit on Orange Holiday: 3 EUR (escalated)",
        "en/credit_low/renewed": "Low credit on Orange Holiday: 3 EUR",
        "en/credit_low/resolved": "Low credit on Orange Holiday: 3 EUR",
        "en/credit_low|body":
            "Orange Holiday: credit 3 EUR, below 5 EUR: top up at https://boutique.orange.fr/recharge\nRenew at https://boutique.orange.fr/recharge or by dialling #123#; support +33 9 69 36 39 00.\nRemaining: 984 MB left of 5 GB (20%)\nExpires: Mon 30 Nov 00:00 UTC (2026-11-30T00:00:00+00:00)\nPace: 590 MB/day\nTo last until expiry: 328 MB/day\nCredit: 3 EUR\nRule: credit_below (credit_below, warning)\nSource: test, observed Fri 27 Nov 00:00 UTC",
        "en/stale/firing": "No reading from Orange Holiday",
        "en/stale/repeat": "No reading from Orange Holiday (reminder)",
        "en/stale/escalated": "No reading from Orange Holiday (escalated)",
        "en/stale/renewed": "No reading from Orange Holiday",
        "en/stale/resolved": "No reading from Orange Holiday",
        "en/stale|body":
            "Orange Holiday: no reading for 1d 6h (last Wed 25 Nov 18:00 UTC)\nRenew at https://boutique.orange.fr/recharge or by dialling #123#; support +33 9 69 36 39 00.\nRemaining: 984 MB left of 5 GB (20%)\nExpires: Mon 30 Nov 00:00 UTC (2026-11-30T00:00:00+00:00)\nPace: 590 MB/day\nTo last until expiry: 328 MB/day\nCredit: 3 EUR\nRule: stale (stale, warning)\nSource: test, observed Fri 27 Nov 00:00 UTC",
        "en/renewed/firing": "Orange Holiday renewed",
        "en/renewed/repeat": "Orange Holiday renewed",
        "en/renewed/escalated": "Orange Holiday renewed",
        "en/renewed/renewed": "Orange Holiday renewed",
        "en/renewed/resolved": "Orange Holiday renewed",
        "en/renewed|body":
            "Orange Holiday: renewed, 984 MB available, valid until Mon 30 Nov 00:00 UTC\nRemaining: 984 MB left of 5 GB (20%)\nExpires: Mon 30 Nov 00:00 UTC (2026-11-30T00:00:00+00:00)\nPace: 590 MB/day\nTo last until expiry: 328 MB/day\nCredit: 3 EUR\nSource: test, observed Fri 27 Nov 00:00 UTC",
        "en/renewal_late/firing": "Renewal of Orange Holiday has not arrived",
        "en/renewal_late/repeat": "Renewal of Orange Holiday has not arrived",
        "en/renewal_late/escalated": "Renewal of Orange Holiday has not arrived",
        "en/renewal_late/renewed": "Renewal of Orange Holiday has not arrived",
        "en/renewal_late/resolved": "Renewal of Orange Holiday has not arrived",
        "en/renewal_late|body":
            "Orange Holiday: the renewal of Thu 26 Nov 21:00 UTC has not arrived after 3h: test still shows 984 MB left, valid until Mon 30 Nov 00:00 UTC\nContact support: +33 9 69 36 39 00.\nRecorded Thu 26 Nov 21:00 UTC; simwatch keeps watching and says when it arrives.",
        "en/renewal_confirmed/firing": "Renewal of Orange Holiday arrived",
        "en/renewal_confirmed/repeat": "Renewal of Orange Holiday arrived",
        "en/renewal_confirmed/escalated": "Renewal of Orange Holiday arrived",
        "en/renewal_confirmed/renewed": "Renewal of Orange Holiday arrived",
        "en/renewal_confirmed/resolved": "Renewal of Orange Holiday arrived",
        "en/renewal_confirmed|body":
            "Orange Holiday: the renewal of Thu 26 Nov 21:00 UTC arrived: test shows 984 MB left, valid until Mon 30 Nov 00:00 UTC\nConfirmed by test at Fri 27 Nov 00:00 UTC.",
        "en/test/firing": "Test reminder from simwatch (mail)",
        "en/test/repeat": "Test reminder from simwatch (mail)",
        "en/test/escalated": "Test reminder from simwatch (mail)",
        "en/test/renewed": "Test reminder from simwatch (mail)",
        "en/test/resolved": "Test reminder from simwatch (mail)",
        "en/test|body":
            "Orange Holiday: test reminder from simwatch\nRenew at https://boutique.orange.fr/recharge or by dialling #123#; support +33 9 69 36 39 00.\nRemaining: 984 MB left of 5 GB (20%)\nExpires: Mon 30 Nov 00:00 UTC (2026-11-30T00:00:00+00:00)\nPace: 590 MB/day\nTo last until expiry: 328 MB/day\nCredit: 3 EUR\nSource: test, observed Fri 27 Nov 00:00 UTC",
        "fr/low_data/firing": "Presque plus de données sur Orange Holiday : il reste 984 Mo",
        "fr/low_data/repeat": "Presque plus de données sur Orange Holiday : il reste 984 Mo (rappel)",
        "fr/low_data/escalated": "Presque plus de données sur Orange Holiday : il reste 984 Mo (urgent)",
        "fr/low_data/renewed": "Presque plus de données sur Orange Holiday : il reste 984 Mo",
        "fr/low_data/resolved": "Presque plus de données sur Orange Holiday : il reste 984 Mo",
        "fr/low_data|body":
            "Orange Holiday : il vous reste 984 Mo sur 5 Go (20 %), à ce rythme de quoi tenir 1 j 16 h, le forfait expire le lun. 30 nov. 00:00 UTC : rechargez maintenant sur https://boutique.orange.fr/recharge\nRechargez sur https://boutique.orange.fr/recharge ou en composant le #123# ; service client : +33 9 69 36 39 00.\nIl vous reste 984 Mo sur 5 Go (20 %)\nExpiration : lun. 30 nov. 00:00 UTC (2026-11-30T00:00:00+00:00)\nRythme : 590 Mo/jour\nPour tenir jusqu'à l'expiration : 328 Mo/jour\nCrédit : 3 €\nRègle : data_below (data_below, warning)\nSource : test, relevé le ven. 27 nov. 00:00 UTC",
        "fr/expiring/firing": "Le forfait expire dans 3 j : Orange Holiday",
        "fr/expiring/repeat": "Le forfait expire dans 3 j : Orange Holiday (rappel)",
        "fr/expiring/escalated": "Le forfait expire dans 3 j : Orange Holiday (urgent)",
        "fr/expiring/renewed": "Le forfait expire dans 3 j : Orange Holiday",
        "fr/expiring/resolved": "Le forfait expire dans 3 j : Orange Holiday",
        "fr/expiring|body":
            "Orange Holiday : le forfait expire dans 3 j (lun. 30 nov. 00:00 UTC), il reste 984 Mo : rechargez maintenant sur https://boutique.orange.fr/recharge\nRechargez sur https://boutique.orange.fr/recharge ou en composant le #123# ; service client : +33 9 69 36 39 00.\nIl vous reste 984 Mo sur 5 Go (20 %)\nExpiration : lun. 30 nov. 00:00 UTC (2026-11-30T00:00:00+00:00)\nRythme : 590 Mo/jour\nPour tenir jusqu'à l'expiration : 328 Mo/jour\nCrédit : 3 €\nRègle : expires_within (expires_within, warning)\nSource : test, relevé le ven. 27 nov. 00:00 UTC",
        "fr/runs_out/firing": "Orange Holiday : données épuisées dans 1 j 16 h",
        "fr/runs_out/repeat": "Orange Holiday : données épuisées dans 1 j 16 h (rappel)",
        "fr/runs_out/escalated": "Orange Holiday : données épuisées dans 1 j 16 h (urgent)",
        "fr/runs_out/renewed": "Orange Holiday : données épuisées dans 1 j 16 h",
        "fr/runs_out/resolved": "Orange Holiday : données épuisées dans 1 j 16 h",
        "fr/runs_out|body":
            "Orange Holiday : à ce rythme (590 Mo/jour), les données seront épuisées dans 1 j 16 h (sam. 28 nov. 16:00 UTC), 1 j 8 h avant l'expiration du forfait, utilisez au plus 328 Mo/jour pour tenir\nRechargez sur https://boutique.orange.fr/recharge ou en composant le #123# ; service client : +33 9 69 36 39 00.\nIl vous reste 984 Mo sur 5 Go (20 %)\nExpiration : lun. 30 nov. 00:00 UTC (2026-11-30T00:00:00+00:00)\nRythme : 590 Mo/jour\nPour tenir jusqu'à l'expiration : 328 Mo/jour\nCrédit : 3 €\nRègle : runs_out_within (runs_out_within, warning)\nSource : test, relevé le ven. 27 nov. 00:00 UTC",
        "fr/credit_low/firing": "Crédit faible sur Orange Holiday : 3 €",
        "fr/credit_low/repeat": "Crédit faible sur Orange Holiday : 3 € (rappel)",
        "fr/credit_low/escalated": "Crédit faible sur Orange Holiday : 3 € (urgent)",
        "fr/credit_low/renewed": "Crédit faible sur Orange Holiday : 3 €",
        "fr/credit_low/resolved": "Crédit faible sur Orange Holiday : 3 €",
        "fr/credit_low|body":
            "Orange Holiday : crédit 3 €, sous le seuil de 5 € : rechargez votre crédit sur https://boutique.orange.fr/recharge\nRechargez sur https://boutique.orange.fr/recharge ou en composant le #123# ; service client : +33 9 69 36 39 00.\nIl vous reste 984 Mo sur 5 Go (20 %)\nExpiration : lun. 30 nov. 00:00 UTC (2026-11-30T00:00:00+00:00)\nRythme : 590 Mo/jour\nPour tenir jusqu'à l'expiration : 328 Mo/jour\nCrédit : 3 €\nRègle : credit_below (credit_below, warning)\nSource : test, relevé le ven. 27 nov. 00:00 UTC",
        "fr/stale/firing": "Aucun relevé pour Orange Holiday",
        "fr/stale/repeat": "Aucun relevé pour Orange Holiday (rappel)",
        "fr/stale/escalated": "Aucun relevé pour Orange Holiday (urgent)",
        "fr/stale/renewed": "Aucun relevé pour Orange Holiday",
        "fr/stale/resolved": "Aucun relevé pour Orange Holiday",
        "fr/stale|body":
            "Orange Holiday : aucun relevé depuis 1 j 6 h (dernier le mer. 25 nov. 18:00 UTC)\nRechargez sur https://boutique.orange.fr/recharge ou en composant le #123# ; service client : +33 9 69 36 39 00.\nIl vous reste 984 Mo sur 5 Go (20 %)\nExpiration : lun. 30 nov. 00:00 UTC (2026-11-30T00:00:00+00:00)\nRythme : 590 Mo/jour\nPour tenir jusqu'à l'expiration : 328 Mo/jour\nCrédit : 3 €\nRègle : stale (stale, warning)\nSource : test, relevé le ven. 27 nov. 00:00 UTC",
        "fr/renewed/firing": "Orange Holiday : forfait renouvelé",
        "fr/renewed/repeat": "Orange Holiday : forfait renouvelé",
        "fr/renewed/escalated": "Orange Holiday : forfait renouvelé",
        "fr/renewed/renewed": "Orange Holiday : forfait renouvelé",
        "fr/renewed/resolved": "Orange Holiday : forfait renouvelé",
        "fr/renewed|body":
            "Orange Holiday : forfait renouvelé, 984 Mo disponibles, valable jusqu'au lun. 30 nov. 00:00 UTC\nIl vous reste 984 Mo sur 5 Go (20 %)\nExpiration : lun. 30 nov. 00:00 UTC (2026-11-30T00:00:00+00:00)\nRythme : 590 Mo/jour\nPour tenir jusqu'à l'expiration : 328 Mo/jour\nCrédit : 3 €\nSource : test, relevé le ven. 27 nov. 00:00 UTC",
        "fr/renewal_late/firing": "Orange Holiday : la recharge n'est pas arrivée",
        "fr/renewal_late/repeat": "Orange Holiday : la recharge n'est pas arrivée",
        "fr/renewal_late/escalated": "Orange Holiday : la recharge n'est pas arrivée",
        "fr/renewal_late/renewed": "Orange Holiday : la recharge n'est pas arrivée",
        "fr/renewal_late/resolved": "Orange Holiday : la recharge n'est pas arrivée",
        "fr/renewal_late|body":
            "Orange Holiday : la recharge du jeu. 26 nov. 21:00 UTC n'est toujours pas arrivée au bout de 3 h : test indique toujours 984 Mo restants, valable jusqu'au lun. 30 nov. 00:00 UTC\nContactez le service client : +33 9 69 36 39 00.\nEnregistrée le jeu. 26 nov. 21:00 UTC ; simwatch continue de surveiller et vous préviendra dès son arrivée.",
        "fr/renewal_confirmed/firing": "Orange Holiday : la recharge est arrivée",
        "fr/renewal_confirmed/repeat": "Orange Holiday : la recharge est arrivée",
        "fr/renewal_confirmed/escalated": "Orange Holiday : la recharge est arrivée",
        "fr/renewal_confirmed/renewed": "Orange Holiday : la recharge est arrivée",
        "fr/renewal_confirmed/resolved": "Orange Holiday : la recharge est arrivée",
        "fr/renewal_confirmed|body":
            "Orange Holiday : la recharge du jeu. 26 nov. 21:00 UTC est arrivée : test indique 984 Mo restants, valable jusqu'au lun. 30 nov. 00:00 UTC\nConfirmée par test le ven. 27 nov. 00:00 UTC.",
        "fr/test/firing": "Rappel de test de simwatch (mail)",
        "fr/test/repeat": "Rappel de test de simwatch (mail)",
        "fr/test/escalated": "Rappel de test de simwatch (mail)",
        "fr/test/renewed": "Rappel de test de simwatch (mail)",
        "fr/test/resolved": "Rappel de test de simwatch (mail)",
        "fr/test|body":
            "Orange Holiday : rappel de test de simwatch\nRechargez sur https://boutique.orange.fr/recharge ou en composant le #123# ; service client : +33 9 69 36 39 00.\nIl vous reste 984 Mo sur 5 Go (20 %)\nExpiration : lun. 30 nov. 00:00 UTC (2026-11-30T00:00:00+00:00)\nRythme : 590 Mo/jour\nPour tenir jusqu'à l'expiration : 328 Mo/jour\nCrédit : 3 €\nSource : test, relevé le ven. 27 nov. 00:00 UTC",
        "zh/low_data/firing": "Orange Holiday 流量不足：剩余 984 MB",
        "zh/low_data/repeat": "Orange Holiday 流量不足：剩余 984 MB（再次提醒）",
        "zh/low_data/escalated": "Orange Holiday 流量不足：剩余 984 MB（紧急）",
        "zh/low_data/renewed": "Orange Holiday 流量不足：剩余 984 MB",
        "zh/low_data/resolved": "Orange Holiday 流量不足：剩余 984 MB",
        "zh/low_data|body":
            "Orange Holiday：剩余 984 MB（共 5 GB，20%），按当前用量还能用 1天16小时，套餐将于 11月30日 周一 00:00 UTC 到期：请尽快续费 https://boutique.orange.fr/recharge\n续费方式：访问 https://boutique.orange.fr/recharge，或拨打 #123#；客服：+33 9 69 36 39 00。\n剩余 984 MB（共 5 GB，20%）\n到期：11月30日 周一 00:00 UTC（2026-11-30T00:00:00+00:00）\n用量：590 MB/天\n撑到到期每天可用：328 MB/天\n余额：3 EUR\n规则：data_below（data_below，warning）\n来源：test，读取于 11月27日 周五 00:00 UTC",
        "zh/expiring/firing": "套餐将在 3天后到期：Orange Holiday",
        "zh/expiring/repeat": "套餐将在 3天后到期：Orange Holiday（再次提醒）",
        "zh/expiring/escalated": "套餐将在 3天后到期：Orange Holiday（紧急）",
        "zh/expiring/renewed": "套餐将在 3天后到期：Orange Holiday",
        "zh/expiring/resolved": "套餐将在 3天后到期：Orange Holiday",
        "zh/expiring|body":
            "Orange Holiday：套餐将在 3天后到期（11月30日 周一 00:00 UTC），剩余 984 MB：请尽快续费 https://boutique.orange.fr/recharge\n续费方式：访问 https://boutique.orange.fr/recharge，或拨打 #123#；客服：+33 9 69 36 39 00。\n剩余 984 MB（共 5 GB，20%）\n到期：11月30日 周一 00:00 UTC（2026-11-30T00:00:00+00:00）\n用量：590 MB/天\n撑到到期每天可用：328 MB/天\n余额：3 EUR\n规则：expires_within（expires_within，warning）\n来源：test，读取于 11月27日 周五 00:00 UTC",
        "zh/runs_out/firing": "Orange Holiday 的流量将在 1天16小时后用完",
        "zh/runs_out/repeat": "Orange Holiday 的流量将在 1天16小时后用完（再次提醒）",
        "zh/runs_out/escalated": "Orange Holiday 的流量将在 1天16小时后用完（紧急）",
        "zh/runs_out/renewed": "Orange Holiday 的流量将在 1天16小时后用完",
        "zh/runs_out/resolved": "Orange Holiday 的流量将在 1天16小时后用完",
        "zh/runs_out|body":
            "Orange Holiday：按当前用量（590 MB/天），流量将在 1天16小时后用完（11月28日 周六 16:00 UTC），比套餐到期早 1天8小时，每天最多用 328 MB 才能撑到到期\n续费方式：访问 https://boutique.orange.fr/recharge，或拨打 #123#；客服：+33 9 69 36 39 00。\n剩余 984 MB（共 5 GB，20%）\n到期：11月30日 周一 00:00 UTC（2026-11-30T00:00:00+00:00）\n用量：590 MB/天\n撑到到期每天可用：328 MB/天\n余额：3 EUR\n规则：runs_out_within（runs_out_within，warning）\n来源：test，读取于 11月27日 周五 00:00 UTC",
        "zh/credit_low/firing": "Orange Holiday 余额不足：3 EUR",
        "zh/credit_low/repeat": "Orange Holiday 余额不足：3 EUR（再次提醒）",
        "zh/credit_low/escalated": "Orange Holiday 余额不足：3 EUR（紧急）",
        "zh/credit_low/renewed": "Orange Holiday 余额不足：3 EUR",
        "zh/credit_low/resolved": "Orange Holiday 余额不足：3 EUR",
        "zh/credit_low|body":
            "Orange Holiday：余额 3 EUR，低于 5 EUR：请尽快充值 https://boutique.orange.fr/recharge\n续费方式：访问 https://boutique.orange.fr/recharge，或拨打 #123#；客服：+33 9 69 36 39 00。\n剩余 984 MB（共 5 GB，20%）\n到期：11月30日 周一 00:00 UTC（2026-11-30T00:00:00+00:00）\n用量：590 MB/天\n撑到到期每天可用：328 MB/天\n余额：3 EUR\n规则：credit_below（credit_below，warning）\n来源：test，读取于 11月27日 周五 00:00 UTC",
        "zh/stale/firing": "Orange Holiday 没有读数",
        "zh/stale/repeat": "Orange Holiday 没有读数（再次提醒）",
        "zh/stale/escalated": "Orange Holiday 没有读数（紧急）",
        "zh/stale/renewed": "Orange Holiday 没有读数",
        "zh/stale/resolved": "Orange Holiday 没有读数",
        "zh/stale|body":
            "Orange Holiday：已有 1天6小时没有读数（上次：11月25日 周三 18:00 UTC）\n续费方式：访问 https://boutique.orange.fr/recharge，或拨打 #123#；客服：+33 9 69 36 39 00。\n剩余 984 MB（共 5 GB，20%）\n到期：11月30日 周一 00:00 UTC（2026-11-30T00:00:00+00:00）\n用量：590 MB/天\n撑到到期每天可用：328 MB/天\n余额：3 EUR\n规则：stale（stale，warning）\n来源：test，读取于 11月27日 周五 00:00 UTC",
        "zh/renewed/firing": "Orange Holiday 已续费",
        "zh/renewed/repeat": "Orange Holiday 已续费",
        "zh/renewed/escalated": "Orange Holiday 已续费",
        "zh/renewed/renewed": "Orange Holiday 已续费",
        "zh/renewed/resolved": "Orange Holiday 已续费",
        "zh/renewed|body":
            "Orange Holiday：已续费，可用 984 MB，有效期至 11月30日 周一 00:00 UTC\n剩余 984 MB（共 5 GB，20%）\n到期：11月30日 周一 00:00 UTC（2026-11-30T00:00:00+00:00）\n用量：590 MB/天\n撑到到期每天可用：328 MB/天\n余额：3 EUR\n来源：test，读取于 11月27日 周五 00:00 UTC",
        "zh/renewal_late/firing": "Orange Holiday 的续费尚未到账",
        "zh/renewal_late/repeat": "Orange Holiday 的续费尚未到账",
        "zh/renewal_late/escalated": "Orange Holiday 的续费尚未到账",
        "zh/renewal_late/renewed": "Orange Holiday 的续费尚未到账",
        "zh/renewal_late/resolved": "Orange Holiday 的续费尚未到账",
        "zh/renewal_late|body":
            "Orange Holiday：11月26日 周四 21:00 UTC 的续费已过 3小时仍未到账：test 仍显示剩余 984 MB，有效期至 11月30日 周一 00:00 UTC\n请联系客服：+33 9 69 36 39 00。\n记录于 11月26日 周四 21:00 UTC；simwatch 会继续关注，到账时会通知您。",
        "zh/renewal_confirmed/firing": "Orange Holiday 的续费已到账",
        "zh/renewal_confirmed/repeat": "Orange Holiday 的续费已到账",
        "zh/renewal_confirmed/escalated": "Orange Holiday 的续费已到账",
        "zh/renewal_confirmed/renewed": "Orange Holiday 的续费已到账",
        "zh/renewal_confirmed/resolved": "Orange Holiday 的续费已到账",
        "zh/renewal_confirmed|body":
            "Orange Holiday：11月26日 周四 21:00 UTC 的续费已到账：test 显示剩余 984 MB，有效期至 11月30日 周一 00:00 UTC\n已由 test 于 11月27日 周五 00:00 UTC 确认。",
        "zh/test/firing": "simwatch 测试提醒（mail）",
        "zh/test/repeat": "simwatch 测试提醒（mail）",
        "zh/test/escalated": "simwatch 测试提醒（mail）",
        "zh/test/renewed": "simwatch 测试提醒（mail）",
        "zh/test/resolved": "simwatch 测试提醒（mail）",
        "zh/test|body":
            "Orange Holiday：simwatch 测试提醒\n续费方式：访问 https://boutique.orange.fr/recharge，或拨打 #123#；客服：+33 9 69 36 39 00。\n剩余 984 MB（共 5 GB，20%）\n到期：11月30日 周一 00:00 UTC（2026-11-30T00:00:00+00:00）\n用量：590 MB/天\n撑到到期每天可用：328 MB/天\n余额：3 EUR\n来源：test，读取于 11月27日 周五 00:00 UTC",
    ]
}
