// Generated once from swift-mustache 2.x (simwatch before its own renderer) by rendering TemplateGoldenCases; do
// not edit by hand. The brief bodies are as swift-mustache rendered them, details run together (fixed since).
enum TemplateGolden {
    static let outputs: [String: String] = [
        "full/low_data/firing/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left",
        "full/low_data/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/low_data/firing/bare|subject": "Low data on Home router SIM",
        "full/low_data/firing/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/low_data/firing/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left",
        "full/low_data/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/low_data/repeat/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left (reminder)",
        "full/low_data/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/low_data/repeat/bare|subject": "Low data on Home router SIM (reminder)",
        "full/low_data/repeat/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/low_data/repeat/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left (reminder)",
        "full/low_data/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/low_data/escalated/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left (escalated)",
        "full/low_data/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/low_data/escalated/bare|subject": "Low data on Home router SIM (escalated)",
        "full/low_data/escalated/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/low_data/escalated/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left (escalated)",
        "full/low_data/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/firing/full|subject": "Plan expires in 3d: Forfait & co <\"é\">",
        "full/expiring/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/firing/bare|subject": "Plan expires : Home router SIM",
        "full/expiring/firing/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/firing/expired|subject": "Plan expired: Forfait & co <\"é\">",
        "full/expiring/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/repeat/full|subject": "Plan expires in 3d: Forfait & co <\"é\"> (reminder)",
        "full/expiring/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/repeat/bare|subject": "Plan expires : Home router SIM (reminder)",
        "full/expiring/repeat/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/repeat/expired|subject": "Plan expired: Forfait & co <\"é\"> (reminder)",
        "full/expiring/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/escalated/full|subject": "Plan expires in 3d: Forfait & co <\"é\"> (escalated)",
        "full/expiring/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/escalated/bare|subject": "Plan expires : Home router SIM (escalated)",
        "full/expiring/escalated/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/expiring/escalated/expired|subject": "Plan expired: Forfait & co <\"é\"> (escalated)",
        "full/expiring/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/firing/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d",
        "full/runs_out/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/firing/bare|subject": "Data on Home router SIM runs out",
        "full/runs_out/firing/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/firing/expired|subject": "Data on Forfait & co <\"é\"> runs out",
        "full/runs_out/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/repeat/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d (reminder)",
        "full/runs_out/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/repeat/bare|subject": "Data on Home router SIM runs out  (reminder)",
        "full/runs_out/repeat/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/repeat/expired|subject": "Data on Forfait & co <\"é\"> runs out  (reminder)",
        "full/runs_out/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/escalated/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d (escalated)",
        "full/runs_out/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/escalated/bare|subject": "Data on Home router SIM runs out  (escalated)",
        "full/runs_out/escalated/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/runs_out/escalated/expired|subject": "Data on Forfait & co <\"é\"> runs out  (escalated)",
        "full/runs_out/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/firing/full|subject": "Low credit on Forfait & co <\"é\">",
        "full/credit_low/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/firing/bare|subject": "Low credit on Home router SIM",
        "full/credit_low/firing/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/firing/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR",
        "full/credit_low/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/repeat/full|subject": "Low credit on Forfait & co <\"é\"> (reminder)",
        "full/credit_low/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/repeat/bare|subject": "Low credit on Home router SIM (reminder)",
        "full/credit_low/repeat/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/repeat/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR (reminder)",
        "full/credit_low/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/escalated/full|subject": "Low credit on Forfait & co <\"é\"> (escalated)",
        "full/credit_low/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/escalated/bare|subject": "Low credit on Home router SIM (escalated)",
        "full/credit_low/escalated/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/credit_low/escalated/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR (escalated)",
        "full/credit_low/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/firing/full|subject": "No reading from Forfait & co <\"é\">",
        "full/stale/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/firing/bare|subject": "No reading from Home router SIM",
        "full/stale/firing/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/firing/expired|subject": "No reading from Forfait & co <\"é\">",
        "full/stale/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/repeat/full|subject": "No reading from Forfait & co <\"é\"> (reminder)",
        "full/stale/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/repeat/bare|subject": "No reading from Home router SIM (reminder)",
        "full/stale/repeat/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/repeat/expired|subject": "No reading from Forfait & co <\"é\"> (reminder)",
        "full/stale/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/escalated/full|subject": "No reading from Forfait & co <\"é\"> (escalated)",
        "full/stale/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/escalated/bare|subject": "No reading from Home router SIM (escalated)",
        "full/stale/escalated/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/stale/escalated/expired|subject": "No reading from Forfait & co <\"é\"> (escalated)",
        "full/stale/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/firing/full|subject": "Forfait & co <\"é\"> renewed",
        "full/renewed/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/firing/bare|subject": "Home router SIM renewed",
        "full/renewed/firing/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/firing/expired|subject": "Forfait & co <\"é\"> renewed",
        "full/renewed/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/repeat/full|subject": "Forfait & co <\"é\"> renewed",
        "full/renewed/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/repeat/bare|subject": "Home router SIM renewed",
        "full/renewed/repeat/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/repeat/expired|subject": "Forfait & co <\"é\"> renewed",
        "full/renewed/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/escalated/full|subject": "Forfait & co <\"é\"> renewed",
        "full/renewed/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/escalated/bare|subject": "Home router SIM renewed",
        "full/renewed/escalated/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/renewed/escalated/expired|subject": "Forfait & co <\"é\"> renewed",
        "full/renewed/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/firing/full|subject": "Test reminder from simwatch (mail)",
        "full/test/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/firing/bare|subject": "Test reminder from simwatch (desk)",
        "full/test/firing/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/firing/expired|subject": "Test reminder from simwatch (mail)",
        "full/test/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/repeat/full|subject": "Test reminder from simwatch (mail)",
        "full/test/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/repeat/bare|subject": "Test reminder from simwatch (desk)",
        "full/test/repeat/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/repeat/expired|subject": "Test reminder from simwatch (mail)",
        "full/test/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/escalated/full|subject": "Test reminder from simwatch (mail)",
        "full/test/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nRemaining: 820 MB left of 5 GB (16%)\nPace: 300 MB/day\nRuns out: {{soon}}\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/escalated/bare|subject": "Test reminder from simwatch (desk)",
        "full/test/escalated/bare|body":
            "Home router SIM: no reading\n\nLine: Home router SIM (home)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: home/stale/3/1/desk\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "full/test/escalated/expired|subject": "Test reminder from simwatch (mail)",
        "full/test/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n\nExpired: yesterday\n\nLine: Forfait & co <\"é\"> (fr)\nRaised: Fri 20 Nov 00:00 UTC\nNotification id: fr/low/1/2/mail\n-- \nsimwatch: prepaid SIM and eSIM reminders",
        "brief/low_data/firing/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left",
        "brief/low_data/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/low_data/firing/bare|subject": "Low data on Home router SIM",
        "brief/low_data/firing/bare|body": "Home router SIM: no reading",
        "brief/low_data/firing/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left",
        "brief/low_data/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/low_data/repeat/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left (reminder)",
        "brief/low_data/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/low_data/repeat/bare|subject": "Low data on Home router SIM (reminder)",
        "brief/low_data/repeat/bare|body": "Home router SIM: no reading",
        "brief/low_data/repeat/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left (reminder)",
        "brief/low_data/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/low_data/escalated/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left (escalated)",
        "brief/low_data/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/low_data/escalated/bare|subject": "Low data on Home router SIM (escalated)",
        "brief/low_data/escalated/bare|body": "Home router SIM: no reading",
        "brief/low_data/escalated/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left (escalated)",
        "brief/low_data/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/expiring/firing/full|subject": "Plan expires in 3d: Forfait & co <\"é\">",
        "brief/expiring/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/expiring/firing/bare|subject": "Plan expires : Home router SIM",
        "brief/expiring/firing/bare|body": "Home router SIM: no reading",
        "brief/expiring/firing/expired|subject": "Plan expired: Forfait & co <\"é\">",
        "brief/expiring/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/expiring/repeat/full|subject": "Plan expires in 3d: Forfait & co <\"é\"> (reminder)",
        "brief/expiring/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/expiring/repeat/bare|subject": "Plan expires : Home router SIM (reminder)",
        "brief/expiring/repeat/bare|body": "Home router SIM: no reading",
        "brief/expiring/repeat/expired|subject": "Plan expired: Forfait & co <\"é\"> (reminder)",
        "brief/expiring/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/expiring/escalated/full|subject": "Plan expires in 3d: Forfait & co <\"é\"> (escalated)",
        "brief/expiring/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/expiring/escalated/bare|subject": "Plan expires : Home router SIM (escalated)",
        "brief/expiring/escalated/bare|body": "Home router SIM: no reading",
        "brief/expiring/escalated/expired|subject": "Plan expired: Forfait & co <\"é\"> (escalated)",
        "brief/expiring/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/runs_out/firing/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d",
        "brief/runs_out/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/runs_out/firing/bare|subject": "Data on Home router SIM runs out",
        "brief/runs_out/firing/bare|body": "Home router SIM: no reading",
        "brief/runs_out/firing/expired|subject": "Data on Forfait & co <\"é\"> runs out",
        "brief/runs_out/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/runs_out/repeat/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d (reminder)",
        "brief/runs_out/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/runs_out/repeat/bare|subject": "Data on Home router SIM runs out  (reminder)",
        "brief/runs_out/repeat/bare|body": "Home router SIM: no reading",
        "brief/runs_out/repeat/expired|subject": "Data on Forfait & co <\"é\"> runs out  (reminder)",
        "brief/runs_out/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/runs_out/escalated/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d (escalated)",
        "brief/runs_out/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/runs_out/escalated/bare|subject": "Data on Home router SIM runs out  (escalated)",
        "brief/runs_out/escalated/bare|body": "Home router SIM: no reading",
        "brief/runs_out/escalated/expired|subject": "Data on Forfait & co <\"é\"> runs out  (escalated)",
        "brief/runs_out/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/credit_low/firing/full|subject": "Low credit on Forfait & co <\"é\">",
        "brief/credit_low/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/credit_low/firing/bare|subject": "Low credit on Home router SIM",
        "brief/credit_low/firing/bare|body": "Home router SIM: no reading",
        "brief/credit_low/firing/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR",
        "brief/credit_low/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/credit_low/repeat/full|subject": "Low credit on Forfait & co <\"é\"> (reminder)",
        "brief/credit_low/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/credit_low/repeat/bare|subject": "Low credit on Home router SIM (reminder)",
        "brief/credit_low/repeat/bare|body": "Home router SIM: no reading",
        "brief/credit_low/repeat/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR (reminder)",
        "brief/credit_low/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/credit_low/escalated/full|subject": "Low credit on Forfait & co <\"é\"> (escalated)",
        "brief/credit_low/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/credit_low/escalated/bare|subject": "Low credit on Home router SIM (escalated)",
        "brief/credit_low/escalated/bare|body": "Home router SIM: no reading",
        "brief/credit_low/escalated/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR (escalated)",
        "brief/credit_low/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/stale/firing/full|subject": "No reading from Forfait & co <\"é\">",
        "brief/stale/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/stale/firing/bare|subject": "No reading from Home router SIM",
        "brief/stale/firing/bare|body": "Home router SIM: no reading",
        "brief/stale/firing/expired|subject": "No reading from Forfait & co <\"é\">",
        "brief/stale/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/stale/repeat/full|subject": "No reading from Forfait & co <\"é\"> (reminder)",
        "brief/stale/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/stale/repeat/bare|subject": "No reading from Home router SIM (reminder)",
        "brief/stale/repeat/bare|body": "Home router SIM: no reading",
        "brief/stale/repeat/expired|subject": "No reading from Forfait & co <\"é\"> (reminder)",
        "brief/stale/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/stale/escalated/full|subject": "No reading from Forfait & co <\"é\"> (escalated)",
        "brief/stale/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/stale/escalated/bare|subject": "No reading from Home router SIM (escalated)",
        "brief/stale/escalated/bare|body": "Home router SIM: no reading",
        "brief/stale/escalated/expired|subject": "No reading from Forfait & co <\"é\"> (escalated)",
        "brief/stale/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/renewed/firing/full|subject": "Forfait & co <\"é\"> renewed",
        "brief/renewed/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/renewed/firing/bare|subject": "Home router SIM renewed",
        "brief/renewed/firing/bare|body": "Home router SIM: no reading",
        "brief/renewed/firing/expired|subject": "Forfait & co <\"é\"> renewed",
        "brief/renewed/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/renewed/repeat/full|subject": "Forfait & co <\"é\"> renewed",
        "brief/renewed/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/renewed/repeat/bare|subject": "Home router SIM renewed",
        "brief/renewed/repeat/bare|body": "Home router SIM: no reading",
        "brief/renewed/repeat/expired|subject": "Forfait & co <\"é\"> renewed",
        "brief/renewed/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/renewed/escalated/full|subject": "Forfait & co <\"é\"> renewed",
        "brief/renewed/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/renewed/escalated/bare|subject": "Home router SIM renewed",
        "brief/renewed/escalated/bare|body": "Home router SIM: no reading",
        "brief/renewed/escalated/expired|subject": "Forfait & co <\"é\"> renewed",
        "brief/renewed/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/test/firing/full|subject": "Test reminder from simwatch (mail)",
        "brief/test/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/test/firing/bare|subject": "Test reminder from simwatch (desk)",
        "brief/test/firing/bare|body": "Home router SIM: no reading",
        "brief/test/firing/expired|subject": "Test reminder from simwatch (mail)",
        "brief/test/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/test/repeat/full|subject": "Test reminder from simwatch (mail)",
        "brief/test/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/test/repeat/bare|subject": "Test reminder from simwatch (desk)",
        "brief/test/repeat/bare|body": "Home router SIM: no reading",
        "brief/test/repeat/expired|subject": "Test reminder from simwatch (mail)",
        "brief/test/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "brief/test/escalated/full|subject": "Test reminder from simwatch (mail)",
        "brief/test/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\nRemaining: 820 MB left of 5 GB (16%)Pace: 300 MB/dayRuns out: {{soon}}",
        "brief/test/escalated/bare|subject": "Test reminder from simwatch (desk)",
        "brief/test/escalated/bare|body": "Home router SIM: no reading",
        "brief/test/escalated/expired|subject": "Test reminder from simwatch (mail)",
        "brief/test/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)\nExpired: yesterday",
        "summary/low_data/firing/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left",
        "summary/low_data/firing/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/low_data/firing/bare|subject": "Low data on Home router SIM",
        "summary/low_data/firing/bare|body": "Home router SIM: no reading",
        "summary/low_data/firing/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left",
        "summary/low_data/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/low_data/repeat/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left (reminder)",
        "summary/low_data/repeat/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/low_data/repeat/bare|subject": "Low data on Home router SIM (reminder)",
        "summary/low_data/repeat/bare|body": "Home router SIM: no reading",
        "summary/low_data/repeat/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left (reminder)",
        "summary/low_data/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/low_data/escalated/full|subject": "Low data on Forfait & co <\"é\">: 820 MB left (escalated)",
        "summary/low_data/escalated/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/low_data/escalated/bare|subject": "Low data on Home router SIM (escalated)",
        "summary/low_data/escalated/bare|body": "Home router SIM: no reading",
        "summary/low_data/escalated/expired|subject": "Low data on Forfait & co <\"é\">: 820 MB left (escalated)",
        "summary/low_data/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/expiring/firing/full|subject": "Plan expires in 3d: Forfait & co <\"é\">",
        "summary/expiring/firing/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/expiring/firing/bare|subject": "Plan expires : Home router SIM",
        "summary/expiring/firing/bare|body": "Home router SIM: no reading",
        "summary/expiring/firing/expired|subject": "Plan expired: Forfait & co <\"é\">",
        "summary/expiring/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/expiring/repeat/full|subject": "Plan expires in 3d: Forfait & co <\"é\"> (reminder)",
        "summary/expiring/repeat/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/expiring/repeat/bare|subject": "Plan expires : Home router SIM (reminder)",
        "summary/expiring/repeat/bare|body": "Home router SIM: no reading",
        "summary/expiring/repeat/expired|subject": "Plan expired: Forfait & co <\"é\"> (reminder)",
        "summary/expiring/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/expiring/escalated/full|subject": "Plan expires in 3d: Forfait & co <\"é\"> (escalated)",
        "summary/expiring/escalated/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/expiring/escalated/bare|subject": "Plan expires : Home router SIM (escalated)",
        "summary/expiring/escalated/bare|body": "Home router SIM: no reading",
        "summary/expiring/escalated/expired|subject": "Plan expired: Forfait & co <\"é\"> (escalated)",
        "summary/expiring/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/runs_out/firing/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d",
        "summary/runs_out/firing/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/runs_out/firing/bare|subject": "Data on Home router SIM runs out",
        "summary/runs_out/firing/bare|body": "Home router SIM: no reading",
        "summary/runs_out/firing/expired|subject": "Data on Forfait & co <\"é\"> runs out",
        "summary/runs_out/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/runs_out/repeat/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d (reminder)",
        "summary/runs_out/repeat/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/runs_out/repeat/bare|subject": "Data on Home router SIM runs out  (reminder)",
        "summary/runs_out/repeat/bare|body": "Home router SIM: no reading",
        "summary/runs_out/repeat/expired|subject": "Data on Forfait & co <\"é\"> runs out  (reminder)",
        "summary/runs_out/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/runs_out/escalated/full|subject": "Data on Forfait & co <\"é\"> runs out in 2d (escalated)",
        "summary/runs_out/escalated/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/runs_out/escalated/bare|subject": "Data on Home router SIM runs out  (escalated)",
        "summary/runs_out/escalated/bare|body": "Home router SIM: no reading",
        "summary/runs_out/escalated/expired|subject": "Data on Forfait & co <\"é\"> runs out  (escalated)",
        "summary/runs_out/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/credit_low/firing/full|subject": "Low credit on Forfait & co <\"é\">",
        "summary/credit_low/firing/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/credit_low/firing/bare|subject": "Low credit on Home router SIM",
        "summary/credit_low/firing/bare|body": "Home router SIM: no reading",
        "summary/credit_low/firing/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR",
        "summary/credit_low/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/credit_low/repeat/full|subject": "Low credit on Forfait & co <\"é\"> (reminder)",
        "summary/credit_low/repeat/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/credit_low/repeat/bare|subject": "Low credit on Home router SIM (reminder)",
        "summary/credit_low/repeat/bare|body": "Home router SIM: no reading",
        "summary/credit_low/repeat/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR (reminder)",
        "summary/credit_low/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/credit_low/escalated/full|subject": "Low credit on Forfait & co <\"é\"> (escalated)",
        "summary/credit_low/escalated/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/credit_low/escalated/bare|subject": "Low credit on Home router SIM (escalated)",
        "summary/credit_low/escalated/bare|body": "Home router SIM: no reading",
        "summary/credit_low/escalated/expired|subject": "Low credit on Forfait & co <\"é\">: 3.50 EUR (escalated)",
        "summary/credit_low/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/stale/firing/full|subject": "No reading from Forfait & co <\"é\">",
        "summary/stale/firing/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/stale/firing/bare|subject": "No reading from Home router SIM",
        "summary/stale/firing/bare|body": "Home router SIM: no reading",
        "summary/stale/firing/expired|subject": "No reading from Forfait & co <\"é\">",
        "summary/stale/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/stale/repeat/full|subject": "No reading from Forfait & co <\"é\"> (reminder)",
        "summary/stale/repeat/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/stale/repeat/bare|subject": "No reading from Home router SIM (reminder)",
        "summary/stale/repeat/bare|body": "Home router SIM: no reading",
        "summary/stale/repeat/expired|subject": "No reading from Forfait & co <\"é\"> (reminder)",
        "summary/stale/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/stale/escalated/full|subject": "No reading from Forfait & co <\"é\"> (escalated)",
        "summary/stale/escalated/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/stale/escalated/bare|subject": "No reading from Home router SIM (escalated)",
        "summary/stale/escalated/bare|body": "Home router SIM: no reading",
        "summary/stale/escalated/expired|subject": "No reading from Forfait & co <\"é\"> (escalated)",
        "summary/stale/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/renewed/firing/full|subject": "Forfait & co <\"é\"> renewed",
        "summary/renewed/firing/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/renewed/firing/bare|subject": "Home router SIM renewed",
        "summary/renewed/firing/bare|body": "Home router SIM: no reading",
        "summary/renewed/firing/expired|subject": "Forfait & co <\"é\"> renewed",
        "summary/renewed/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/renewed/repeat/full|subject": "Forfait & co <\"é\"> renewed",
        "summary/renewed/repeat/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/renewed/repeat/bare|subject": "Home router SIM renewed",
        "summary/renewed/repeat/bare|body": "Home router SIM: no reading",
        "summary/renewed/repeat/expired|subject": "Forfait & co <\"é\"> renewed",
        "summary/renewed/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/renewed/escalated/full|subject": "Forfait & co <\"é\"> renewed",
        "summary/renewed/escalated/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/renewed/escalated/bare|subject": "Home router SIM renewed",
        "summary/renewed/escalated/bare|body": "Home router SIM: no reading",
        "summary/renewed/escalated/expired|subject": "Forfait & co <\"é\"> renewed",
        "summary/renewed/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/test/firing/full|subject": "Test reminder from simwatch (mail)",
        "summary/test/firing/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/test/firing/bare|subject": "Test reminder from simwatch (desk)",
        "summary/test/firing/bare|body": "Home router SIM: no reading",
        "summary/test/firing/expired|subject": "Test reminder from simwatch (mail)",
        "summary/test/firing/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/test/repeat/full|subject": "Test reminder from simwatch (mail)",
        "summary/test/repeat/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/test/repeat/bare|subject": "Test reminder from simwatch (desk)",
        "summary/test/repeat/bare|body": "Home router SIM: no reading",
        "summary/test/repeat/expired|subject": "Test reminder from simwatch (mail)",
        "summary/test/repeat/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/test/escalated/full|subject": "Test reminder from simwatch (mail)",
        "summary/test/escalated/full|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "summary/test/escalated/bare|subject": "Test reminder from simwatch (desk)",
        "summary/test/escalated/bare|body": "Home router SIM: no reading",
        "summary/test/escalated/expired|subject": "Test reminder from simwatch (mail)",
        "summary/test/escalated/expired|body": "Forfait & co: 820 MB left of 5 GB (16%)",
        "template/docs/firing/full|subject":
            "Forfait & co: 820 MB left of 5 GB (16%)   Remaining: 820 MB left of 5 GB (16%)   Pace: 300 MB/day   Runs out: {{soon}} Expire : Mon 23 Nov 00:00 UTC",
        "template/docs/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n  Remaining: 820 MB left of 5 GB (16%)\n  Pace: 300 MB/day\n  Runs out: {{soon}}\nExpire : Mon 23 Nov 00:00 UTC",
        "template/docs/firing/bare|subject": "Home router SIM: no reading",
        "template/docs/firing/bare|body": "Home router SIM: no reading",
        "template/docs/firing/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%)   Expired: yesterday Expire : Thu 19 Nov 00:00 UTC",
        "template/docs/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n  Expired: yesterday\nExpire : Thu 19 Nov 00:00 UTC",
        "template/docs/repeat/full|subject":
            "Forfait & co: 820 MB left of 5 GB (16%)   Remaining: 820 MB left of 5 GB (16%)   Pace: 300 MB/day   Runs out: {{soon}} Expire : Mon 23 Nov 00:00 UTC",
        "template/docs/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n  Remaining: 820 MB left of 5 GB (16%)\n  Pace: 300 MB/day\n  Runs out: {{soon}}\nExpire : Mon 23 Nov 00:00 UTC",
        "template/docs/repeat/bare|subject": "Home router SIM: no reading",
        "template/docs/repeat/bare|body": "Home router SIM: no reading",
        "template/docs/repeat/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%)   Expired: yesterday Expire : Thu 19 Nov 00:00 UTC",
        "template/docs/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n  Expired: yesterday\nExpire : Thu 19 Nov 00:00 UTC",
        "template/docs/escalated/full|subject":
            "Forfait & co: 820 MB left of 5 GB (16%)   Remaining: 820 MB left of 5 GB (16%)   Pace: 300 MB/day   Runs out: {{soon}} Expire : Mon 23 Nov 00:00 UTC",
        "template/docs/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n  Remaining: 820 MB left of 5 GB (16%)\n  Pace: 300 MB/day\n  Runs out: {{soon}}\nExpire : Mon 23 Nov 00:00 UTC",
        "template/docs/escalated/bare|subject": "Home router SIM: no reading",
        "template/docs/escalated/bare|body": "Home router SIM: no reading",
        "template/docs/escalated/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%)   Expired: yesterday Expire : Thu 19 Nov 00:00 UTC",
        "template/docs/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%)\n  Expired: yesterday\nExpire : Thu 19 Nov 00:00 UTC",
        "template/variables/firing/full|subject": "WARNING fr 16% 820000000 data_below low",
        "template/variables/firing/full|body": "WARNING fr 16% 820000000 data_below low",
        "template/variables/firing/bare|subject": "INFO home %",
        "template/variables/firing/bare|body": "INFO home %   ",
        "template/variables/firing/expired|subject": "CRITICAL fr % 820000000 data_below low",
        "template/variables/firing/expired|body": "CRITICAL fr % 820000000 data_below low",
        "template/variables/repeat/full|subject": "WARNING fr 16% 820000000 data_below low",
        "template/variables/repeat/full|body": "WARNING fr 16% 820000000 data_below low",
        "template/variables/repeat/bare|subject": "INFO home %",
        "template/variables/repeat/bare|body": "INFO home %   ",
        "template/variables/repeat/expired|subject": "CRITICAL fr % 820000000 data_below low",
        "template/variables/repeat/expired|body": "CRITICAL fr % 820000000 data_below low",
        "template/variables/escalated/full|subject": "WARNING fr 16% 820000000 data_below low",
        "template/variables/escalated/full|body": "WARNING fr 16% 820000000 data_below low",
        "template/variables/escalated/bare|subject": "INFO home %",
        "template/variables/escalated/bare|body": "INFO home %   ",
        "template/variables/escalated/expired|subject": "CRITICAL fr % 820000000 data_below low",
        "template/variables/escalated/expired|body": "CRITICAL fr % 820000000 data_below low",
        "template/flags/firing/full|subject": "ok 1/2/0!",
        "template/flags/firing/full|body": "ok 1/2/0!",
        "template/flags/firing/bare|subject": "ok 3/1/",
        "template/flags/firing/bare|body": "ok 3/1/",
        "template/flags/firing/expired|subject": "URGENT  1/2/0!",
        "template/flags/firing/expired|body": "URGENT  1/2/0!",
        "template/flags/repeat/full|subject": "ok again 1/2/0!",
        "template/flags/repeat/full|body": "ok again 1/2/0!",
        "template/flags/repeat/bare|subject": "ok again 3/1/",
        "template/flags/repeat/bare|body": "ok again 3/1/",
        "template/flags/repeat/expired|subject": "URGENT  again 1/2/0!",
        "template/flags/repeat/expired|body": "URGENT  again 1/2/0!",
        "template/flags/escalated/full|subject": "ok 1/2/0!",
        "template/flags/escalated/full|body": "ok 1/2/0!",
        "template/flags/escalated/bare|subject": "ok 3/1/",
        "template/flags/escalated/bare|body": "ok 3/1/",
        "template/flags/escalated/expired|subject": "URGENT  1/2/0!",
        "template/flags/escalated/expired|body": "URGENT  1/2/0!",
        "template/sections/firing/full|subject": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/firing/full|body": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/firing/bare|subject": "Home router SIM (home) no rule",
        "template/sections/firing/bare|body": "Home router SIM (home) no rule",
        "template/sections/firing/expired|subject": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/firing/expired|body": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/repeat/full|subject": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/repeat/full|body": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/repeat/bare|subject": "Home router SIM (home) no rule",
        "template/sections/repeat/bare|body": "Home router SIM (home) no rule",
        "template/sections/repeat/expired|subject": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/repeat/expired|body": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/escalated/full|subject": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/escalated/full|body": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/escalated/bare|subject": "Home router SIM (home) no rule",
        "template/sections/escalated/bare|body": "Home router SIM (home) no rule",
        "template/sections/escalated/expired|subject": "Forfait & co <\"é\"> (fr) data_below",
        "template/sections/escalated/expired|body": "Forfait & co <\"é\"> (fr) data_below",
        "template/delimiters/firing/full|subject": "Forfait & co: 820 MB left of 5 GB (16%)  [Forfait & co <\"é\">]",
        "template/delimiters/firing/full|body": "Forfait & co: 820 MB left of 5 GB (16%)  [Forfait & co <\"é\">]",
        "template/delimiters/firing/bare|subject": "Home router SIM: no reading  [Home router SIM]",
        "template/delimiters/firing/bare|body": "Home router SIM: no reading  [Home router SIM]",
        "template/delimiters/firing/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) 3.50 EUR [Forfait & co <\"é\">]",
        "template/delimiters/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%) 3.50 EUR [Forfait & co <\"é\">]",
        "template/delimiters/repeat/full|subject": "Forfait & co: 820 MB left of 5 GB (16%)  [Forfait & co <\"é\">]",
        "template/delimiters/repeat/full|body": "Forfait & co: 820 MB left of 5 GB (16%)  [Forfait & co <\"é\">]",
        "template/delimiters/repeat/bare|subject": "Home router SIM: no reading  [Home router SIM]",
        "template/delimiters/repeat/bare|body": "Home router SIM: no reading  [Home router SIM]",
        "template/delimiters/repeat/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) 3.50 EUR [Forfait & co <\"é\">]",
        "template/delimiters/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%) 3.50 EUR [Forfait & co <\"é\">]",
        "template/delimiters/escalated/full|subject": "Forfait & co: 820 MB left of 5 GB (16%)  [Forfait & co <\"é\">]",
        "template/delimiters/escalated/full|body": "Forfait & co: 820 MB left of 5 GB (16%)  [Forfait & co <\"é\">]",
        "template/delimiters/escalated/bare|subject": "Home router SIM: no reading  [Home router SIM]",
        "template/delimiters/escalated/bare|body": "Home router SIM: no reading  [Home router SIM]",
        "template/delimiters/escalated/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) 3.50 EUR [Forfait & co <\"é\">]",
        "template/delimiters/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%) 3.50 EUR [Forfait & co <\"é\">]",
        "template/standalone/firing/full|subject":
            "Hi   - Remaining: 820 MB left of 5 GB (16%)   - Pace: 300 MB/day   - Runs out: {{soon}} Bye",
        "template/standalone/firing/full|body":
            "Hi\n  - Remaining: 820 MB left of 5 GB (16%)\n  - Pace: 300 MB/day\n  - Runs out: {{soon}}\n\nBye",
        "template/standalone/firing/bare|subject": "Hi none Bye",
        "template/standalone/firing/bare|body": "Hi\n\nnone\nBye",
        "template/standalone/firing/expired|subject": "Hi   - Expired: yesterday Bye",
        "template/standalone/firing/expired|body": "Hi\n  - Expired: yesterday\n\nBye",
        "template/standalone/repeat/full|subject":
            "Hi   - Remaining: 820 MB left of 5 GB (16%)   - Pace: 300 MB/day   - Runs out: {{soon}} Bye",
        "template/standalone/repeat/full|body":
            "Hi\n  - Remaining: 820 MB left of 5 GB (16%)\n  - Pace: 300 MB/day\n  - Runs out: {{soon}}\n\nBye",
        "template/standalone/repeat/bare|subject": "Hi none Bye",
        "template/standalone/repeat/bare|body": "Hi\n\nnone\nBye",
        "template/standalone/repeat/expired|subject": "Hi   - Expired: yesterday Bye",
        "template/standalone/repeat/expired|body": "Hi\n  - Expired: yesterday\n\nBye",
        "template/standalone/escalated/full|subject":
            "Hi   - Remaining: 820 MB left of 5 GB (16%)   - Pace: 300 MB/day   - Runs out: {{soon}} Bye",
        "template/standalone/escalated/full|body":
            "Hi\n  - Remaining: 820 MB left of 5 GB (16%)\n  - Pace: 300 MB/day\n  - Runs out: {{soon}}\n\nBye",
        "template/standalone/escalated/bare|subject": "Hi none Bye",
        "template/standalone/escalated/bare|body": "Hi\n\nnone\nBye",
        "template/standalone/escalated/expired|subject": "Hi   - Expired: yesterday Bye",
        "template/standalone/escalated/expired|body": "Hi\n  - Expired: yesterday\n\nBye",
        "template/times/firing/full|subject":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 5 GB 5000000000 Sun 22 Nov 00:00 UTC 2026-11-22T00:00:00+00:00 2d in 3d 300 MB/day",
        "template/times/firing/full|body":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 5 GB 5000000000 Sun 22 Nov 00:00 UTC 2026-11-22T00:00:00+00:00 2d in 3d 300 MB/day",
        "template/times/firing/bare|subject": "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00",
        "template/times/firing/bare|body": "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00           ",
        "template/times/firing/expired|subject":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 0 B 0 Thu 19 Nov 22:00 UTC 2026-11-19T22:00:00+00:00   300 MB/day",
        "template/times/firing/expired|body":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 0 B 0 Thu 19 Nov 22:00 UTC 2026-11-19T22:00:00+00:00   300 MB/day",
        "template/times/repeat/full|subject":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 5 GB 5000000000 Sun 22 Nov 00:00 UTC 2026-11-22T00:00:00+00:00 2d in 3d 300 MB/day",
        "template/times/repeat/full|body":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 5 GB 5000000000 Sun 22 Nov 00:00 UTC 2026-11-22T00:00:00+00:00 2d in 3d 300 MB/day",
        "template/times/repeat/bare|subject": "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00",
        "template/times/repeat/bare|body": "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00           ",
        "template/times/repeat/expired|subject":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 0 B 0 Thu 19 Nov 22:00 UTC 2026-11-19T22:00:00+00:00   300 MB/day",
        "template/times/repeat/expired|body":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 0 B 0 Thu 19 Nov 22:00 UTC 2026-11-19T22:00:00+00:00   300 MB/day",
        "template/times/escalated/full|subject":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 5 GB 5000000000 Sun 22 Nov 00:00 UTC 2026-11-22T00:00:00+00:00 2d in 3d 300 MB/day",
        "template/times/escalated/full|body":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 5 GB 5000000000 Sun 22 Nov 00:00 UTC 2026-11-22T00:00:00+00:00 2d in 3d 300 MB/day",
        "template/times/escalated/bare|subject": "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00",
        "template/times/escalated/bare|body": "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00           ",
        "template/times/escalated/expired|subject":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 0 B 0 Thu 19 Nov 22:00 UTC 2026-11-19T22:00:00+00:00   300 MB/day",
        "template/times/escalated/expired|body":
            "UTC Fri 20 Nov 00:00 UTC 2026-11-20T00:00:00+00:00 Thu 19 Nov 23:00 UTC 2026-11-19T23:00:00+00:00 api 200 MB/day 0 B 0 Thu 19 Nov 22:00 UTC 2026-11-19T22:00:00+00:00   300 MB/day",
        "template/escaping/firing/full|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data firing  warning",
        "template/escaping/firing/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data firing  warning",
        "template/escaping/firing/bare|subject":
            "Home router SIM: no reading Home router SIM Home router SIM low_data firing  info",
        "template/escaping/firing/bare|body":
            "Home router SIM: no reading Home router SIM Home router SIM low_data firing  info",
        "template/escaping/firing/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data firing  critical",
        "template/escaping/firing/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data firing  critical",
        "template/escaping/repeat/full|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data repeat  (reminder) warning",
        "template/escaping/repeat/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data repeat  (reminder) warning",
        "template/escaping/repeat/bare|subject":
            "Home router SIM: no reading Home router SIM Home router SIM low_data repeat  (reminder) info",
        "template/escaping/repeat/bare|body":
            "Home router SIM: no reading Home router SIM Home router SIM low_data repeat  (reminder) info",
        "template/escaping/repeat/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data repeat  (reminder) critical",
        "template/escaping/repeat/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data repeat  (reminder) critical",
        "template/escaping/escalated/full|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data escalated  (escalated) warning",
        "template/escaping/escalated/full|body":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data escalated  (escalated) warning",
        "template/escaping/escalated/bare|subject":
            "Home router SIM: no reading Home router SIM Home router SIM low_data escalated  (escalated) info",
        "template/escaping/escalated/bare|body":
            "Home router SIM: no reading Home router SIM Home router SIM low_data escalated  (escalated) info",
        "template/escaping/escalated/expired|subject":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data escalated  (escalated) critical",
        "template/escaping/escalated/expired|body":
            "Forfait & co: 820 MB left of 5 GB (16%) Forfait & co <\"é\"> Forfait & co <\"é\"> low_data escalated  (escalated) critical",
        "template/missing/firing/full|subject": "[][][][y]",
        "template/missing/firing/full|body": "[][][][y]",
        "template/missing/firing/bare|subject": "[][][][y]",
        "template/missing/firing/bare|body": "[][][][y]",
        "template/missing/firing/expired|subject": "[][][][y]",
        "template/missing/firing/expired|body": "[][][][y]",
        "template/missing/repeat/full|subject": "[][][][y]",
        "template/missing/repeat/full|body": "[][][][y]",
        "template/missing/repeat/bare|subject": "[][][][y]",
        "template/missing/repeat/bare|body": "[][][][y]",
        "template/missing/repeat/expired|subject": "[][][][y]",
        "template/missing/repeat/expired|body": "[][][][y]",
        "template/missing/escalated/full|subject": "[][][][y]",
        "template/missing/escalated/full|body": "[][][][y]",
        "template/missing/escalated/bare|subject": "[][][][y]",
        "template/missing/escalated/bare|body": "[][][][y]",
        "template/missing/escalated/expired|subject": "[][][][y]",
        "template/missing/escalated/expired|body": "[][][][y]",
    ]
}
