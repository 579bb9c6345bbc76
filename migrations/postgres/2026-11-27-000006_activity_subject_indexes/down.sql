DROP INDEX activities_account_prospect;
DROP INDEX activities_account_lead;
