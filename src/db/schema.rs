// The one schema both backends share. Ids are BIGINT on PostgreSQL and INTEGER (64-bit)
// on SQLite; timestamps are UTC.

diesel::table! {
    accounts (id) {
        id -> BigInt,
        name -> Text,
        edition -> Text,
        licences -> Integer,
        time_zone -> Text,
        week_start -> Text,
        currency -> Text,
        locale -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        account_id -> BigInt,
        email -> Text,
        name -> Text,
        role -> Text,
        active -> Bool,
        password_hash -> Text,
        session_version -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    teams (id) {
        id -> BigInt,
        account_id -> BigInt,
        name -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    team_memberships (team_id, user_id) {
        account_id -> BigInt,
        team_id -> BigInt,
        user_id -> BigInt,
        is_manager -> Bool,
    }
}

diesel::table! {
    login_failures (id) {
        id -> BigInt,
        email -> Text,
        attempted_at -> Timestamp,
    }
}

diesel::joinable!(users -> accounts (account_id));
diesel::joinable!(teams -> accounts (account_id));
diesel::joinable!(team_memberships -> teams (team_id));
diesel::joinable!(team_memberships -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(accounts, users, teams, team_memberships, login_failures);
