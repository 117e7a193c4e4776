#!/bin/sh
# A whole shop run from an empty database by commands only: the suppliers are vetted, their
# price lists and the web shop's orders imported, bought, received, packed, shipped, one item
# returned and the suppliers scored. Every time is fixed with --at, so a run is repeatable.
#   CLOCKWORK=./clockwork SHOP=/tmp/shop.db OUT=/tmp sh testdata/scripted-shop/shop.sh
set -eu
here=$(dirname "$0")
out=${OUT:-.}
cw() { "${CLOCKWORK:-clockwork}" --db "${SHOP:-shop.db}" "$@"; }

cw init
cw shop --name "Linden & Loom" --currency EUR --timezone UTC --handling-days 1 \
  --policy preferred --return-days 30 --weight otif=40 --weight quality=15
cw supplier add "Nordic Felt" --email orders@nordicfelt.example --lead-days 3 \
  --vet reachable=yes:"mail and phone, answers within a day" --vet sla=yes:"signed 2026-10-01"
cw supplier add "Lindqvist Enamel" --email sales@lindqvist.example --lead-days 2
cw import catalog "$here/nordic-felt.csv" --supplier "Nordic Felt"
cw import catalog "$here/lindqvist.csv" --supplier "Lindqvist Enamel"
cw supplier edit "Nordic Felt" --status active
cw supplier edit "Lindqvist Enamel" --status vetted --vet pricing=yes:"cheapest of three"
cw import orders "$here/orders.csv"

cw purchase --at 2026-11-02T15:00:00Z
cw po send PO-000001 --at 2026-11-02T15:05:00Z --out "$out/PO-000001.pdf"
cw po send PO-000002 --at 2026-11-02T15:06:00Z --out "$out/PO-000002.pdf"
cw po ack PO-000001 --at 2026-11-03T08:30:00Z --expected 2026-11-05
cw po ack PO-000002 --at 2026-11-02T17:00:00Z --expected 2026-11-04 --tracking 00340434161094042557
cw receive PO-000002 --all --at 2026-11-04T10:00:00Z
cw receive PO-000001 --line SLIP-GRY=1 --line BASKET-S=1 --at 2026-11-05T10:00:00Z

cw slips --ready --out "$out/slips.pdf"
cw slips --order '#1001' --gift --out "$out/gift-slip.pdf"
cw cards --ready --out "$out/cards.pdf"
cw ship '#1001' --carrier DHL --tracking 00340434161094042561 --at 2026-11-05T16:00:00Z
cw ship '#1002' --carrier DHL --tracking 00340434161094042578 --at 2026-11-05T16:00:00Z
cw ship '#1003' --carrier DHL --tracking 00340434161094042585 --at 2026-11-05T16:00:00Z

cw return '#1001' --line MUG-SAGE=1:defective --comment "The handle came off" --at 2026-11-10T09:00:00Z
cw return receive RMA-0001 --at 2026-11-12T10:00:00Z
cw return close RMA-0001 --line MUG-SAGE=return_to_supplier --at 2026-11-12T10:30:00Z

cw scorecard --from 2026-11-01 --to 2026-12-01 --out "$out/scorecard.xlsx"
cw insights --from 2026-11-01 --to 2026-12-01 --out "$out/returns.xlsx"
