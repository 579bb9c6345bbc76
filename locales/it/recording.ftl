# recording: attività, lead, prospect.

## Parole comuni delle pagine di registrazione
recording-cancel = Annulla
recording-delete = Elimina
recording-delete-named = Elimina { $name }
recording-filter = Filtra
recording-optional = (facoltativo)
recording-actions-column = Azioni
recording-crumb-new = Nuovo
recording-crumb-edit = Modifica
recording-owner = Proprietario
recording-owner-me = Io
recording-pages = Pagine

## Attività
recording-activities = Attività
recording-activity-log-title = Registra un'attività
recording-activity-log-crumb = Registra
recording-activity-no-subject = Un'attività si registra su un lead o su un prospect, e non ne hai ancora nessuno.
recording-activity-subject = Lead o prospect
recording-activity-action = Azione
recording-activity-choose-action = Scegli un'azione…
recording-activity-show-results = Mostra i risultati
recording-activity-result = Risultato
recording-activity-result-none = Scegli prima un'azione
recording-activity-when = Quando
recording-activity-zone-time = (fuso orario { $zone })
recording-activity-note = Nota
recording-activity-log-submit = Registra attività
recording-activity-user = Utente
recording-activity-everyone = Tutti
recording-activities-no-more = Non ci sono altre attività.
recording-activities-empty = Nessuna attività registrata finora. Registra chiamate, e-mail e incontri man mano che li fai: i tuoi obiettivi li conteggiano.
recording-activities-newer = ← Più recenti
recording-activities-older = Meno recenti →
recording-activity-logged = Attività registrata.

## Lead
recording-leads = Lead
recording-lead-new = Nuovo lead
recording-lead-edit = Modifica lead
recording-lead-title = Titolo
recording-lead-pipeline = Pipeline
recording-lead-amount = Importo ({ $currency })
recording-lead-amount-column = Importo
recording-lead-amount-hint = (ad esempio { $example })
recording-lead-status = Stato
recording-lead-won-on = Vinto il
recording-lead-won-on-hint = (quando è stato vinto; se vuoto, vale il momento attuale; fuso orario { $zone })
recording-lead-save = Salva lead
recording-leads-empty = Ancora nessun lead. Creane uno, oppure converti in lead un prospect qualificato.
recording-lead-created = Lead creato.
recording-lead-saved = Lead salvato.
recording-lead-deleted = Lead eliminato.

## Prospect
recording-prospects = Prospect
recording-prospect-new = Nuovo prospect
recording-prospect-edit = Modifica prospect
recording-prospect-name = Nome
recording-prospect-list-name = Lista di prospezione
recording-prospect-list-column = Lista
recording-prospect-lead-column = Lead
recording-prospect-save = Salva prospect
recording-prospects-empty = Ancora nessun prospect. Aggiungi i contatti a cui ti stai rivolgendo, poi registra su di loro chiamate ed e-mail.
recording-prospect-converted = Convertito
recording-prospect-convert-pipeline = Pipeline per { $name }
recording-prospect-convert = Converti in lead
recording-prospect-created = Prospect creato.
recording-prospect-saved = Prospect salvato.
recording-prospect-deleted = Prospect eliminato.
recording-prospect-converted-into-lead = Prospect convertito in lead.
recording-lead-estimated-closing = Data di chiusura stimata
recording-lead-forecast-hint = (finché è aperto, rientra nella previsione di fatturato, ponderato in base alla sua probabilità)
recording-lead-probability = Probabilità (%)
recording-leads-export-csv = Esporta in CSV (le colonne dell'importazione)
recording-lead-delete-title = Eliminare questo lead?
recording-lead-delete-question = L'eliminazione del lead «{ $title }» non si può annullare.
recording-lead-delete-won = Il lead è vinto: se lo elimini, { $amount } di fatturato attribuito a { $name } il { $date } viene tolto da ogni obiettivo di vendita.
recording-lead-delete-activities = { $count ->
    [one] Viene eliminata anche la sua unica attività, che esce da ogni obiettivo di attività.
   *[other] Vengono eliminate anche le sue { $count } attività, che escono da ogni obiettivo di attività.
}
recording-lead-delete-confirm = Elimina il lead
recording-edit = Modifica
recording-details = Dettagli
recording-created = Creato il
recording-timeline = Cronologia
recording-timeline-empty = Ancora niente: registra la prima attività.
recording-timeline-status = Stato: { $status }
recording-timeline-won = Vinto per { $amount }
recording-timeline-import = Importazione
recording-activity-what = Cosa è stato fatto
recording-activity-choose-result = Scegli un'azione e il suo risultato…
recording-activity-no-action = L'account non ha azioni in uso: un amministratore le aggiunge dal Pannello di controllo.
recording-lead-win-title = Lead vinto?
recording-lead-win = Segna come vinto
recording-lead-won = Lead segnato come vinto.
recording-lead-from-prospect = Dal prospect
recording-edit-named = Modifica { $name }
recording-activity-delete-title = Eliminare questa attività?
recording-activity-delete-effect = Non verrà più conteggiata negli obiettivi di vendita che la includono. Potrai annullare l'eliminazione per dieci minuti.
recording-activity-delete-confirm = Elimina l'attività
recording-activity-deleted-undo = Attività eliminata: non conta più nei tuoi obiettivi.
recording-undo = Annulla
recording-activity-restored = Attività ripristinata: viene di nuovo conteggiata.
recording-activity-subject-search = Cerca un lead o un prospect
recording-activity-subject-find = Cerca
recording-activity-choose-subject = Scegli un lead o un prospect…
recording-activity-subject-none-found = Nessun lead o prospect corrisponde alla ricerca
recording-activity-open-leads = Lead aperti
recording-activity-closed-leads = Lead chiusi
recording-prospect-delete-title = Eliminare questo prospect?
recording-prospect-delete-question = L'eliminazione del prospect «{ $name }» non si può annullare.
recording-prospect-delete-activities = { $count ->
    [one] Viene eliminata anche l'attività registrata su di esso, che non verrà più conteggiata in nessun obiettivo di vendita.
   *[other] Vengono eliminate anche le { $count } attività registrate su di esso, che non verranno più conteggiate in nessun obiettivo di vendita.
}
recording-prospect-delete-confirm = Elimina il prospect
