# statistics
statistics-title = Statistiche
statistics-sales-objectives = Obiettivi di vendita
statistics-crumb = Statistiche › Obiettivi di vendita
statistics-my-objectives = I miei obiettivi
statistics-objectives = Obiettivi
statistics-filter-period = Periodo
statistics-filter-date = Data
statistics-filter-team = Team
statistics-filter-user = Utente
statistics-all-teams = Tutti i team
statistics-everyone = Tutti
statistics-show = Mostra
statistics-previous = ← Precedente
statistics-next = Successivo →
# Il periodo mostrato nel pannello, dal suo primo istante a quello del periodo successivo, nel fuso orario dell'account.
statistics-bounds = { $start } 00:00 → { $end } 00:00 (fine esclusa), fuso orario { $zone }
statistics-detail-bounds = { $period }: { $start } → { $end } (fine esclusa).
statistics-no-target = { $kind ->
    [sales] Nessun obiettivo basato sulla vendita ha un target per questo periodo. Scegli un altro periodo o tipo.
   *[activity] Nessun obiettivo basato sull'attività ha un target per questo periodo. Scegli un altro periodo o tipo.
}
statistics-set-objectives = Imposta gli obiettivi in Pannello di controllo › Obiettivi di vendita
statistics-nobody-holds = Nessuno in questa selezione ha questo obiettivo.
statistics-export-csv = Esporta questa tabella in CSV
statistics-column-user = Utente
statistics-column-achieved-target = Raggiunto / target
statistics-column-progress = Avanzamento
statistics-column-standing = Stato
statistics-expected-by-now = Atteso a oggi
statistics-gap = Scarto
statistics-needed-per-day = Necessario per giorno lavorativo restante
statistics-deactivated = Disattivato
statistics-total = Totale
# Dove un valore non si applica (non serve altro).
statistics-not-applicable = —
statistics-chart-summary = { $count ->
    [one] { $count } periodo mostrato, target raggiunto in { $reached }.
   *[other] { $count } periodi mostrati, target raggiunto in { $reached }.
}
statistics-chart-bar = { $period }: { $value }
statistics-chart-caption = { $from } → { $to }. Barre: raggiunto; linea: target.
statistics-by-result = Per risultato
statistics-by-pipeline = Per pipeline
statistics-counted = Cosa è stato conteggiato
statistics-nothing-counted = Nessun elemento conteggiato in questo periodo.
statistics-column-when = Quando
statistics-column-action-result = Azione · risultato
statistics-column-pipeline = Pipeline
statistics-column-on = Su
statistics-column-lead = Lead
statistics-column-amount = Importo
statistics-pages = Pagine
statistics-newer = ← Più recenti
statistics-older = Meno recenti →
statistics-me-none = Non hai ancora obiettivi assegnati. Li imposta il tuo manager; nel frattempo registra le tue attività: verranno conteggiate non appena ci sarà un obiettivo.
statistics-me-log-activity = Registra un'attività
statistics-me-intro = Periodi in corso, nel fuso orario { $zone }. Le barre mostrano gli ultimi periodi rispetto al target allora in vigore.
statistics-recomputing-title = Ricalcolo delle cifre in corso
statistics-recomputing-text = L'account ha un nuovo fuso orario: ogni attività e ogni lead vinto vengono contati di nuovo. Le cifre tornano qui quando ha finito; la pagina si ricarica da sola.
statistics-recomputing-done = { $percent }% fatto
