# control_panel
# Pannello di controllo: indice, impostazioni dell'account, team.
cp-title = Pannello di controllo
cp-sales-process = Processo di vendita
cp-index-objectives-about = obiettivi di fatturato e di attività, e a chi sono assegnati
cp-index-objectives-edition = — incluso nell'edizione Dream Team
cp-index-actions-about = le azioni che i venditori registrano e i loro risultati
cp-index-pipelines-about = dove si lavorano i lead
cp-index-import-about = attività storiche e lead vinti da file CSV
cp-account-settings = Impostazioni dell'account
cp-settings-account = Account
cp-settings-edition = Edizione
cp-settings-time-zone = Fuso orario
cp-settings-week-start = Primo giorno della settimana
cp-settings-currency = Valuta
cp-settings-language = Lingua
cp-weekday-monday = Lunedì
cp-weekday-tuesday = Martedì
cp-weekday-wednesday = Mercoledì
cp-weekday-thursday = Giovedì
cp-weekday-friday = Venerdì
cp-weekday-saturday = Sabato
cp-weekday-sunday = Domenica
cp-teams = Team
cp-teams-edition = I team fanno parte dell'edizione Dream Team. Un amministratore può cambiare l'edizione in Edizione e licenze.
cp-no-team = Ancora nessun team.
cp-no-members = Ancora nessun membro.
cp-team-manager = Responsabile del team

# Parole comuni alle pagine.
cp-name = Nome
cp-rename = Rinomina
cp-disable = Disattiva
cp-enable = Riattiva
cp-delete = Elimina
cp-disabled-action = Disattivata
cp-disabled-result = Disattivato
cp-move-up = Sposta { $name } in su
cp-move-down = Sposta { $name } in giù
cp-cancel = Annulla

# Azioni.
cp-actions-title = Azioni
cp-actions-intro = Le azioni che i venditori registrano, ciascuna con i suoi risultati. Un'azione o un risultato già usato si può disattivare, mai eliminare, così i dati passati mantengono il loro significato.
cp-action-name = Nome dell'azione
cp-result-name = Nome del risultato
cp-results = Risultati
cp-new-result = Nuovo risultato
cp-add-result = Aggiungi risultato
cp-add-an-action = Aggiungi un'azione
cp-add-action = Aggiungi azione
cp-actions-saved = Azioni salvate.

# Pipeline.
cp-pipelines-title = Pipeline
cp-pipeline-name = Nome della pipeline
cp-add-a-pipeline = Aggiungi una pipeline
cp-add-pipeline = Aggiungi pipeline
cp-pipelines-saved = Pipeline salvate.

# Importazione.
cp-import-title = Importa
cp-import-heading = Importa lo storico
cp-import-intro = L'importazione avviene per intero o per niente: se anche una sola riga è errata non viene salvato nulla, e tutte le righe errate vengono elencate.
cp-import-nothing-imported = Non è stato importato nulla.
cp-import-correct-lines = Correggi queste righe e carica di nuovo il file:
cp-import-done-activities = { $lines ->
    [one] Importata 1 riga di attività.
   *[other] Importate { $lines } righe di attività.
}
cp-import-done-activities-created = { $lines ->
    [one] Importata 1 riga di attività. Lead creati: { $leads }; prospect creati: { $prospects }.
   *[other] Importate { $lines } righe di attività. Lead creati: { $leads }; prospect creati: { $prospects }.
}
cp-import-done-leads = { $lines ->
    [one] Importata 1 riga di lead.
   *[other] Importate { $lines } righe di lead.
}
cp-import-done-leads-created = { $lines ->
    [one] Importata 1 riga di lead. Lead creati: { $leads }; prospect creati: { $prospects }.
   *[other] Importate { $lines } righe di lead. Lead creati: { $leads }; prospect creati: { $prospects }.
}
cp-import-activities = Attività
cp-import-leads = Lead
# $header, $column e $format sono parole del CSV mostrate come codice: restano come sono.
cp-import-header = Intestazione: { $header }.
cp-import-activities-subject = { $column } vale lead o prospect; se il lead o il prospect non esiste, viene creato per l'utente della riga.
cp-import-activities-occurred-at = { $column } è in formato RFC 3339 con lo scostamento orario, oppure { $format } nel fuso orario dell'account.
cp-import-leads-won = Un lead vinto richiede un importo e { $column }; se la valuta è vuota vale quella dell'account, una valuta diversa viene rifiutata.
cp-import-csv-file = File CSV
cp-import-activities-button = Importa attività
cp-import-leads-button = Importa lead
cp-import-upload-unreadable = Non è stato possibile leggere il file caricato: { $error }
cp-import-choose-file = Scegli un file CSV da importare.
cp-import-too-large = Il file supera i 64 MiB: importalo dalla riga di comando.

# Obiettivi di vendita: l'elenco.
cp-objectives-title = Obiettivi di vendita
cp-new-objective = Nuovo obiettivo
cp-objectives-tabs = Obiettivi
cp-objectives-active = Attivi
cp-objectives-archived = Archiviati
cp-objectives-none-archived = Nessun obiettivo archiviato.
cp-objectives-none-yet = Ancora nessun obiettivo. Creane uno, per esempio 10 chiamate con risposta al giorno o 50.000 di fatturato all'anno, poi assegnalo ai tuoi venditori.
cp-objective = Obiettivo
cp-kind = Tipo
cp-counts = Cosa viene conteggiato
cp-targets = Target
cp-assignees = Assegnatari
# Un target in vigore, come lo mostra l'elenco: "Giorno: 10".
cp-period-target = { $period }: { $target }
# Cosa conta un obiettivo di attività: "Chiamata: Risposta — Prospect e lead".
cp-counts-activity = { $action }: { $results } — { $context }
cp-all-results = tutti i risultati
cp-all-pipelines = Tutte le pipeline

# Obiettivi di vendita: l'editor.
cp-edit-objective = Modifica obiettivo
cp-crumb-edit = Modifica
cp-crumb-new = Nuovo
cp-show-fields = Mostra i campi
cp-action = Azione
cp-choose-action = Scegli un'azione…
cp-show-results = Mostra i risultati
cp-results-that-count = Risultati conteggiati
cp-choose-action-first = Scegli un'azione per vederne i risultati.
cp-select-all-results = Seleziona tutti i risultati (l'intera azione, compresi i risultati aggiunti in seguito)
cp-done-on = Attività registrate su
cp-measure = Misura
cp-revenue-in = Fatturato ({ $currency })
cp-pipeline = Pipeline
cp-period-targets = Target per periodo
cp-period-targets-note = (uno o due; una modifica vale dal periodo in corso in poi)
cp-targets-hint = Un numero di volte, ad esempio 10; per il fatturato, un importo come 1.250,50.
cp-period = Periodo
cp-second-period = Secondo periodo
cp-optional = (facoltativo)
cp-no-period = Nessuno
cp-target = Target
cp-save-objective = Salva obiettivo
cp-objective-created = Obiettivo creato: ora assegnalo.
cp-objective-saved = Obiettivo salvato.

# Obiettivi di vendita: la pagina di un obiettivo.
cp-archived-badge = Archiviato
cp-edit = Modifica
cp-archive = Archivia
cp-restore = Ripristina
cp-what-it-counts = Cosa viene conteggiato
cp-target-history = Storico dei target
cp-target-history-about = Un target vale dall'inizio del periodo in cui è stato impostato; i periodi chiusi mantengono il target allora in vigore, e i periodi precedenti al primo target usano il primo.
cp-from = In vigore dal
cp-from-the-start = principio
cp-set-on = Impostato il
cp-assigned-to = Assegnato a
cp-too-many-objectives = Troppi obiettivi demotivano.
cp-holder-holds = { $count ->
    [one] { $name } ha 1 obiettivo.
   *[other] { $name } ha { $count } obiettivi.
}
cp-nobody-holds = Questo obiettivo non è ancora assegnato a nessuno: scegli qui sotto degli utenti o un intero team.
cp-deactivated = Disattivato
cp-objective-count = { $count ->
    [one] 1 obiettivo
   *[other] { $count } obiettivi
}
cp-remove = Rimuovi
cp-remove-holder = Rimuovi { $name }
cp-assign-to-users = Assegna a uno o più utenti
cp-already-assigned = (già assegnato)
cp-assign = Assegna
cp-assign-to-team = Assegna a un intero team
cp-assign-to-the-team = Assegna al team
cp-assigned-to-users = { $count ->
    [one] Assegnato a 1 utente.
   *[other] Assegnato a { $count } utenti.
}
cp-assignment-removed = Assegnazione rimossa.
cp-objective-archived = Obiettivo archiviato: non compare nelle statistiche finché non lo ripristini.
cp-objective-restored = Obiettivo ripristinato.
cp-settings-title = Impostazioni dell'account
cp-index-settings-about = nome, lingua, valuta, fuso orario, esercizio, giorni lavorativi e festività
cp-settings-fiscal-year-start = Mese di inizio dell'esercizio
cp-settings-fiscal-year-note = Trimestri e anni di ogni obiettivo seguono l'esercizio; se non inizia a gennaio, prendono il nome dell'esercizio (1º trimestre esercizio 2027).
cp-settings-working-days = Giorni lavorativi
cp-settings-working-days-note = Il ritmo conta solo i giorni lavorativi: «Atteso a oggi» e «Da fare per ogni giorno lavorativo rimasto» escludono gli altri giorni e le festività.
cp-settings-currency-note = Si può cambiare finché non è registrato alcun importo: gli importi non vengono mai convertiti.
cp-settings-currency-fixed = Ci sono importi registrati in { $currency }: la valuta non si può più cambiare (gli importi non vengono mai convertiti).
cp-settings-time-zone-note = Un nome IANA come Europe/Rome. Se cambi fuso orario, tutti i dati vengono ricalcolati come se l'account l'avesse sempre avuto.
cp-settings-saved = Impostazioni salvate.
cp-settings-saved-rebuilding = Impostazioni salvate. I dati vengono ricalcolati nel nuovo fuso orario.
cp-rebuild-title = Ricalcolo dei dati in corso
cp-rebuild-running = Ogni attività e ogni lead vinto vengono conteggiati di nuovo nel fuso orario { $zone }.
cp-rebuild-meanwhile = Le statistiche tornano disponibili a ricalcolo terminato; intanto il team può continuare a registrare attività.
cp-rebuild-refresh = Aggiorna
cp-rebuild-done = Tutti i dati sono ora calcolati nel fuso orario { $zone }.
cp-holidays = Festività
cp-holidays-note = Giorni in cui non lavora nessuno: il ritmo non li conta.
cp-holidays-none = Ancora nessuna festività.
cp-holiday-date = Data
cp-holiday-name = Nome
cp-holiday-remove = Rimuovi
cp-holiday-add = Aggiungi una festività
cp-holiday-add-button = Aggiungi festività
cp-holidays-import = Importa festività da un file CSV
cp-holiday-saved = Festività salvata.
cp-holiday-removed = Festività rimossa.
cp-import-holidays = Festività
cp-import-holidays-date = Le date sono nel formato { $format }; una data già presente prende il nuovo nome.
cp-import-holidays-button = Importa festività
cp-import-done-holidays = { $lines ->
    [one] Importata { $lines } festività.
   *[other] Importate { $lines } festività.
}
cp-settings-change = Cambia le impostazioni
cp-settings-account-and-calendar = L'account e il suo calendario
cp-settings-reps-see-leaderboard = I venditori possono vedere la classifica
cp-settings-reps-see-leaderboard-note = In questo caso vedono nomi e posizioni dei colleghi nella pagina I miei obiettivi, mai i loro importi o percentuali.
cp-assign-include-managers = Anche i suoi manager (di norma solo i venditori)
cp-archive-title = Archiviare questo obiettivo?
cp-archive-question = { $count ->
    [one] Se archivi «{ $name }», l'obiettivo sparisce dalla dashboard, da I miei obiettivi e dall'esportazione per il suo assegnatario. Impostazioni e dati restano: ripristinalo per mostrarlo di nuovo.
   *[other] Se archivi «{ $name }», l'obiettivo sparisce dalla dashboard, da I miei obiettivi e dall'esportazione per i suoi { $count } assegnatari. Impostazioni e dati restano: ripristinalo per mostrarlo di nuovo.
}
cp-remove-holder-title = Rimuovere questo assegnatario?
cp-remove-holder-question = { $name } non avrà più l'obiettivo «{ $objective }»: i suoi dati non compariranno più nella dashboard, nel dettaglio, nell'esportazione e nella sua pagina I miei obiettivi, in nessun periodo. Il suo lavoro resta registrato: se gli riassegni l'obiettivo, i dati tornano.
cp-holder-targets-title = Target di { $name }
cp-holder-targets-about = Un target personale sostituisce, per questa persona, quello dell'obiettivo: nella dashboard, nel dettaglio, in I miei obiettivi e nel CSV. Una modifica vale dall'inizio del periodo in corso; i periodi chiusi mantengono il target che avevano. Lascia vuoto un campo per seguire il target dell'obiettivo.
cp-holder-target-label = Target { $period ->
        [day] giornaliero
        [week] settimanale
        [month] mensile
        [quarter] trimestrale
       *[year] annuale
    }, dal { $date }
cp-holder-objectives-target = Quello dell'obiettivo: { $target }
cp-holder-targets-save = Salva i target
cp-holder-target-history = Storico dei suoi target
cp-holder-follows-objective = quello dell'obiettivo
cp-holder-targets-saved = { $count ->
    [0] Nessuna modifica: questi target erano già in vigore.
    [one] Target salvato: vale dall'inizio del periodo in corso.
   *[other] Target salvati: valgono dall'inizio del periodo in corso.
}
cp-holder-own-targets = Target personale: { $targets }
cp-holder-set-targets = Target
cp-holder-set-targets-label = Target di { $name }
cp-objectives-ended = Terminati
cp-objectives-none-ended = Nessun obiettivo è terminato: qui compaiono quelli il cui ultimo giorno è passato, con i dati ancora consultabili.
cp-objective-dates = Date
cp-objective-dates-hint = Per una campagna o la spinta di un trimestre: non conta nulla prima del primo giorno né dopo l'ultimo (entrambi inclusi). Lascia vuoto per un obiettivo senza scadenza.
cp-starts-on = Primo giorno
cp-ends-on = Ultimo giorno
cp-objective-results = Risultati
plan-open = Pianifica i target
plan-title = Target: { $name }
plan-about = Il target di ogni assegnatario per ogni periodo dell'esercizio. Una cella contiene il target personale per quel solo periodo; se è vuota vale quello dell'obiettivo (mostrato in chiaro). Si possono cambiare i periodi in corso e futuri; i periodi chiusi mantengono il target che avevano.
plan-daily-only = Questo obiettivo ha solo target giornalieri: impostali sull'obiettivo o per persona.
plan-kinds = Periodo
plan-caption = Nelle celle i target personali; dove una cella è vuota, quello dell'obiettivo.
plan-holder = Assegnatario
plan-objectives-target = Target dell'obiettivo
plan-save = Salva la griglia
plan-save-hint = Con JavaScript ogni cella si salva appena la lasci.
plan-saved = { $count ->
    [0] Nessuna modifica.
    [one] Un target salvato.
   *[other] { $count } target salvati.
}
plan-imported = { $count ->
    [0] Importazione riuscita: nessuna modifica.
    [one] Importazione riuscita: un target modificato.
   *[other] Importazione riuscita: { $count } target modificati.
}
plan-import-refused = Non è stato importato nulla:
plan-import-cell = Riga { $line }, colonna { $column }: { $reason }
plan-fill-title = Riempi da un valore annuale
plan-fill-who = Per
plan-fill-everyone = Tutti gli assegnatari
plan-fill-total = Valore annuale
plan-fill-spread = Ripartizione
plan-spread-evenly = In parti uguali
plan-spread-working-days = Per giorni lavorativi
plan-spread-seasonality = Secondo il profilo stagionale
plan-fill = Riempi i periodi aperti
plan-seasonality-title = Profilo stagionale
plan-seasonality-about = Dodici pesi mensili per tutto l'account: la quota di un mese sull'anno è il suo peso sulla somma dei dodici (8, 8, 10… oppure percentuali).
plan-seasonality-save = Salva il profilo
plan-seasonality-saved = Profilo stagionale salvato.
plan-file-title = La griglia come file
plan-file-about = Una riga per assegnatario (user_email, user_name), una colonna per inizio di periodo (AAAA-MM-GG); una cella contiene un target personale (1250.50, 10) o niente per quello dell'obiettivo. L'importazione è tutto o niente.
plan-export = Scarica il CSV
plan-import-file = File CSV
plan-import = Importa la griglia
cp-team-holders = Assegnato ai team
cp-team-holders-about = Un team ha un obiettivo con un target tutto suo: il suo risultato è quanto hanno fatto i membri mentre ne facevano parte. Se i target personali dei membri che hanno l'obiettivo non arrivano a quello del team, la dashboard lo segnala.
cp-no-team-holds = Nessun team ha questo obiettivo.
cp-team-to-hold = Team
cp-team-target-label = Target { $period ->
        [day] giornaliero
        [week] settimanale
        [month] mensile
        [quarter] trimestrale
       *[year] annuale
    } del team
cp-give-to-team = Assegna al team
cp-team-assigned = Il team ha ora l'obiettivo.
cp-team-removed = Il team non ha più l'obiettivo.
cp-team-targets-title = Target di { $name }
cp-team-targets-about = I target propri del team. Una modifica vale dall'inizio del periodo in corso; i periodi chiusi mantengono il target che avevano.
cp-remove-team-title = Togliere l'obiettivo a questo team?
cp-remove-team-question = { $team } non avrà più «{ $objective }» e i suoi target di team vengono eliminati. I dati dei membri restano.
cp-index-api-about = token con cui altri programmi alimentano e leggono i tuoi obiettivi
cp-api-title = Token API
cp-api-intro = Un token permette a un altro programma (il tuo CRM, uno script, una dashboard) di usare l'API JSON come questo account, entro gli ambiti che selezioni. Smette di funzionare quando viene revocato o quando l'amministratore che l'ha creato non è più amministratore.
cp-api-docs = Leggi la documentazione dell'API
cp-api-made = Token «{ $name }» creato
cp-api-copy-now = Copia ora il segreto: viene mostrato solo questa volta. Custodiscilo come una password.
cp-api-secret = Segreto
cp-api-copy-secret = Copia il segreto
cp-api-none = Ancora nessun token.
cp-api-name = Nome
cp-api-starts-with = Inizia con
cp-api-scopes = Ambiti
cp-api-made-by = Creato da
cp-api-last-used = Ultimo uso
cp-api-state = Stato
cp-api-never-used = mai
cp-api-revoked-on = revocato { $date }
cp-api-revoke = Revoca
cp-api-revoke-title = Revocare questo token?
cp-api-revoke-question = I programmi che usano «{ $name }» verranno rifiutati dalla prossima richiesta. Non si può annullare: crea un nuovo token per ricollegarli.
cp-api-revoked = Il token è revocato.
cp-api-new = Nuovo token
cp-api-make = Crea token
cp-api-scope-activities-write = registrare, correggere ed eliminare attività
cp-api-scope-leads-write = creare e modificare lead e prospect
cp-api-scope-objectives-read = leggere gli obiettivi e i loro target
cp-api-scope-objectives-write = creare e modificare gli obiettivi, i loro target e chi li detiene
cp-api-scope-results-read = leggere risultati, ritmo e andamento
cp-api-scope-users-read = leggere gli utenti e i team dell'account
