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
        revision -> BigInt,
        fiscal_year_start -> Integer,
        working_days -> Text,
        reps_see_leaderboard -> Bool,
        seasonality -> Nullable<Text>,
    }
}

diesel::table! {
    holidays (account_id, day) {
        account_id -> BigInt,
        day -> Date,
        name -> Text,
    }
}

diesel::table! {
    account_rebuilds (account_id) {
        account_id -> BigInt,
        time_zone -> Text,
        activities_through -> BigInt,
        activities_done_to -> BigInt,
        leads_through -> BigInt,
        leads_done_to -> BigInt,
        total -> BigInt,
        done -> BigInt,
        started_at -> Timestamp,
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
        locale -> Nullable<Text>,
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
    sessions (id) {
        id -> Text,
        account_id -> BigInt,
        user_id -> BigInt,
        user_version -> BigInt,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    sign_in_throttle (key) {
        key -> Text,
        failures -> Integer,
        window_start -> Timestamp,
        blocked_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    actions (id) {
        id -> BigInt,
        account_id -> BigInt,
        name -> Text,
        position -> Integer,
        active -> Bool,
    }
}

diesel::table! {
    outcomes (id) {
        id -> BigInt,
        account_id -> BigInt,
        action_id -> BigInt,
        name -> Text,
        position -> Integer,
        active -> Bool,
    }
}

diesel::table! {
    pipelines (id) {
        id -> BigInt,
        account_id -> BigInt,
        name -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    leads (id) {
        id -> BigInt,
        account_id -> BigInt,
        pipeline_id -> BigInt,
        owner_id -> BigInt,
        title -> Text,
        amount_cents -> Nullable<BigInt>,
        status -> Text,
        closed_at -> Nullable<Timestamp>,
        closed_on -> Nullable<Date>,
        won_by_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        version -> BigInt,
        estimated_closing_date -> Nullable<Date>,
        probability -> Nullable<Integer>,
    }
}

diesel::table! {
    prospects (id) {
        id -> BigInt,
        account_id -> BigInt,
        owner_id -> BigInt,
        name -> Text,
        list_name -> Nullable<Text>,
        lead_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    activities (id) {
        id -> BigInt,
        account_id -> BigInt,
        user_id -> BigInt,
        action_id -> BigInt,
        outcome_id -> BigInt,
        subject_kind -> Text,
        lead_id -> Nullable<BigInt>,
        prospect_id -> Nullable<BigInt>,
        pipeline_id -> Nullable<BigInt>,
        occurred_at -> Timestamp,
        occurred_on -> Date,
        note -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    activity_buckets (account_id, user_id, grain, bucket, outcome_id, subject_kind, pipeline_id) {
        account_id -> BigInt,
        user_id -> BigInt,
        outcome_id -> BigInt,
        subject_kind -> Text,
        pipeline_id -> BigInt,
        grain -> Text,
        bucket -> Date,
        count -> BigInt,
    }
}

diesel::table! {
    won_buckets (account_id, user_id, grain, bucket, pipeline_id) {
        account_id -> BigInt,
        user_id -> BigInt,
        pipeline_id -> BigInt,
        grain -> Text,
        bucket -> Date,
        revenue_cents -> BigInt,
        won_count -> BigInt,
    }
}

diesel::table! {
    objectives (id) {
        id -> BigInt,
        account_id -> BigInt,
        name -> Text,
        kind -> Text,
        metric -> Nullable<Text>,
        action_id -> Nullable<BigInt>,
        whole_action -> Bool,
        context -> Nullable<Text>,
        pipeline_id -> Nullable<BigInt>,
        period_1 -> Text,
        period_2 -> Nullable<Text>,
        archived_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        starts_on -> Nullable<Date>,
        ends_on -> Nullable<Date>,
    }
}

diesel::table! {
    objective_outcomes (objective_id, outcome_id) {
        account_id -> BigInt,
        objective_id -> BigInt,
        outcome_id -> BigInt,
    }
}

diesel::table! {
    objective_targets (objective_id, period, effective_from) {
        account_id -> BigInt,
        objective_id -> BigInt,
        period -> Text,
        effective_from -> Date,
        value -> BigInt,
        set_at -> Timestamp,
    }
}

diesel::table! {
    assignments (objective_id, user_id) {
        account_id -> BigInt,
        objective_id -> BigInt,
        user_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    password_links (token_hash) {
        token_hash -> Text,
        account_id -> BigInt,
        user_id -> BigInt,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        account_id -> BigInt,
        actor_id -> Nullable<BigInt>,
        at -> Timestamp,
        action -> Text,
        details -> Text,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        account_id -> BigInt,
        name -> Text,
        scopes -> Text,
        secret_hash -> Text,
        prefix -> Text,
        created_by -> BigInt,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_requests (account_id, idempotency_key) {
        account_id -> BigInt,
        idempotency_key -> Text,
        fingerprint -> Text,
        status -> Integer,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    external_ids (account_id, kind, external_id) {
        account_id -> BigInt,
        kind -> Text,
        external_id -> Text,
        record_id -> BigInt,
    }
}

diesel::joinable!(users -> accounts (account_id));
diesel::joinable!(teams -> accounts (account_id));
diesel::joinable!(team_memberships -> teams (team_id));
diesel::joinable!(team_memberships -> users (user_id));
diesel::joinable!(team_assignments -> teams (team_id));

diesel::joinable!(outcomes -> actions (action_id));
diesel::joinable!(leads -> pipelines (pipeline_id));
diesel::joinable!(activities -> outcomes (outcome_id));
diesel::joinable!(activities -> users (user_id));
diesel::joinable!(assignments -> objectives (objective_id));
diesel::joinable!(assignments -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(objective_outcomes -> outcomes (outcome_id));

diesel::table! {
    objective_buckets (objective_id, grain, bucket, user_id) {
        account_id -> BigInt,
        objective_id -> BigInt,
        user_id -> BigInt,
        grain -> Text,
        bucket -> Date,
        count -> BigInt,
    }
}

diesel::table! {
    team_spells (id) {
        id -> BigInt,
        account_id -> BigInt,
        team_id -> BigInt,
        user_id -> BigInt,
        joined_at -> Timestamp,
        left_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    team_assignments (objective_id, team_id) {
        account_id -> BigInt,
        objective_id -> BigInt,
        team_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    team_targets (objective_id, team_id, period, effective_from) {
        account_id -> BigInt,
        objective_id -> BigInt,
        team_id -> BigInt,
        period -> Text,
        effective_from -> Date,
        value -> BigInt,
        set_at -> Timestamp,
    }
}

diesel::table! {
    holder_targets (objective_id, user_id, period, effective_from) {
        account_id -> BigInt,
        objective_id -> BigInt,
        user_id -> BigInt,
        period -> Text,
        effective_from -> Date,
        value -> Nullable<BigInt>,
        set_at -> Timestamp,
    }
}

diesel::table! {
    lead_changes (id) {
        id -> BigInt,
        account_id -> BigInt,
        lead_id -> BigInt,
        user_id -> Nullable<BigInt>,
        at -> Timestamp,
        status -> Text,
        amount_cents -> Nullable<BigInt>,
    }
}

diesel::table! {
    deleted_activities (id) {
        id -> BigInt,
        account_id -> BigInt,
        user_id -> BigInt,
        action_id -> BigInt,
        outcome_id -> BigInt,
        subject_kind -> Text,
        lead_id -> Nullable<BigInt>,
        prospect_id -> Nullable<BigInt>,
        pipeline_id -> Nullable<BigInt>,
        occurred_at -> Timestamp,
        note -> Text,
        created_at -> Timestamp,
        deleted_by -> BigInt,
        deleted_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    accounts,
    account_rebuilds,
    holidays,
    users,
    teams,
    team_memberships,
    sessions,
    sign_in_throttle,
    actions,
    outcomes,
    pipelines,
    leads,
    prospects,
    activities,
    lead_changes,
    deleted_activities,
    activity_buckets,
    won_buckets,
    objective_buckets,
    objectives,
    objective_outcomes,
    objective_targets,
    holder_targets,
    team_spells,
    team_assignments,
    team_targets,
    assignments,
    password_links,
    audit_log,
    api_tokens,
    api_requests,
    external_ids,
);
