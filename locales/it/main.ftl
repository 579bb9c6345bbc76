# Parole della cornice di ogni pagina.
skip-to-content = Vai al contenuto
main-menu = Menu principale
menu-button = Menu
sign-out = Esci
menu-home = Home
menu-my-objectives = I miei obiettivi
menu-statistics = Statistiche
menu-activities = Attività
menu-leads = Lead
menu-prospects = Prospect
menu-control-panel = Pannello di controllo
menu-edition-licences = Edizione e licenze
# Un nome dato da qualcuno, uguale in ogni lingua.
verbatim = { $text }
period-label-week = Settimana del { $date }
period-label-quarter = { $quarter }º trimestre { $year }
period-label-fiscal-quarter = { $quarter }º trimestre esercizio { $year }
period-label-fiscal-year = Esercizio { $year }
product-name = Obiettivi di vendita
confirm-keep = No, torna indietro
quoted-name = «{ $name }»
objective-dates-between = Dal { $first } al { $last }.
objective-dates-from = Dal { $first }.
objective-dates-until = Fino al { $last }.
objective-dates-upcoming = Comincia il { $first }.
objective-dates-ended = Terminato il { $last }: i suoi dati restano consultabili.
