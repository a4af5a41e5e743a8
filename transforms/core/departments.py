"""The departments of an organisation a caller is put through to ("Kevin of Billing",
"Sarah from Accounts"): a unit, never a byname of origin nor part of a person's name."""

DEPARTMENTS = frozenset(
    "accounts accounting admin administration admissions billing claims collections "
    "compliance complaints customer dispatch engineering finance fraud hr it legal "
    "logistics maintenance marketing operations payments payroll procurement purchasing "
    "reception receivables recruitment refunds retention returns sales security service "
    "services shipping support tech technical underwriting warranty".split())
