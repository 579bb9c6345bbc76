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
statistics-export-csv-semicolon = in CSV con punto e virgola (per un foglio di calcolo in italiano)
statistics-column-user = Utente
statistics-column-achieved-target = Raggiunto / target
statistics-column-progress = Avanzamento
statistics-column-standing = Stato
statistics-expected-by-now = Atteso a oggi
statistics-gap = Differenza dall'atteso
statistics-needed-per-day = Da fare per ogni giorno lavorativo rimasto
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
statistics-column-on = Lead o prospect
statistics-column-lead = Lead
statistics-column-amount = Importo
statistics-pages = Pagine
statistics-newer = ← Più recenti
statistics-older = Meno recenti →
statistics-me-none = Non hai ancora obiettivi assegnati. Li imposta il tuo manager; nel frattempo registra le tue attività: verranno conteggiate non appena ci sarà un obiettivo.
statistics-me-log-activity = Registra un'attività
statistics-me-intro = Periodi in corso, nel fuso orario { $zone }. Le barre mostrano gli ultimi periodi rispetto al target allora in vigore.
statistics-recomputing-title = Ricalcolo delle cifre in corso
statistics-recomputing-text = L'account ha un nuovo fuso orario: ogni attività e ogni lead vinto vengono conteggiati di nuovo. I dati tornano qui a ricalcolo terminato; la pagina si ricarica da sola.
statistics-recomputing-done = { $percent }% completato
statistics-forecast = A questo ritmo
statistics-column-change = Rispetto al periodo precedente
statistics-change = { $figure } · { $points } pp
statistics-alarms = { $behind } su { $count } in ritardo, a rischio o non raggiunti
statistics-partial = parziale
statistics-partial-help = Il periodo è iniziato prima che l'obiettivo fosse assegnato a questa persona: il ritmo si calcola da quel momento.
statistics-own-target = target personale
statistics-own-target-help = Un target fissato per questa persona al posto di quello dell'obiettivo.
statistics-standings-help-title = Come si valuta lo stato
statistics-standings-help = Il tempo si conta in tempo lavorativo: i giorni lavorativi dell'account, escluse le festività. Il valore atteso a oggi cresce in modo uniforme dall'inizio del periodo oppure, se l'obiettivo è stato assegnato dopo, da quel momento (il periodo è allora segnato come parziale). Nessuno risulta in ritardo o a rischio prima che sia trascorso un quinto del tempo lavorativo del periodo, né finché il valore atteso è inferiore a un'unità. Mentre un periodo è in corso: Raggiunto quando il target è raggiunto; In linea se pari o superiore al valore atteso; In ritardo se inferiore; A rischio quando, a questo ritmo, il periodo si chiuderebbe sotto il 70% del target. A periodo chiuso: Raggiunto o Non raggiunto. I periodi precedenti all'assegnazione dell'obiettivo non vengono valutati.
statistics-chart-target = Target { $value }
statistics-chart-data = I dati in tabella
statistics-column-period = Periodo
statistics-column-achieved = Raggiunto
statistics-column-target = Target
overview-tab = Panoramica
overview-title = A che punto è ciascuno
overview-intro = Ogni obiettivo nel suo periodo che comprende il giorno { $date }. Fai clic su una cella per aprirne il dettaglio.
overview-none = Nessun obiettivo ha ancora un target per questi periodi.
overview-teams = Team
overview-sort = Ordine
overview-sort-standing = Prima i più urgenti
overview-sort-percent = Prima la percentuale più bassa
overview-sort-name = Nome
overview-leaderboard = Classifica
overview-leaderboard-note = Ordinata per percentuale media raggiunta da ciascuno sui propri target; la variazione è rispetto ai periodi precedenti.
overview-rank = Posizione
overview-mean-percent = Percentuale media
overview-rank-change = Variazione
overview-at-this-pace = a questo ritmo
statistics-forecast-pipeline = { $percent } con la pipeline
statistics-my-teams = I miei team
statistics-burn-up-summary = Finora { $value } su { $target } in questo periodo.
statistics-burn-up-caption = Il periodo finora: la linea continua indica quanto raggiunto; quella tratteggiata, un ritmo costante fino al target.
statistics-filters = Filtri
