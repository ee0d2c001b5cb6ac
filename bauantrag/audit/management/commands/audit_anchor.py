from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bauantrag.audit.anchor import anchor_chains, anchor_file


class Command(BaseCommand):
    help = ("Schreibt einen signierten Ankerpunkt (Stand, letzter Hash, Zeit) jeder unveränderten Protokollkette "
            "außerhalb der Datenbank; läuft auch stündlich im Hintergrund.")

    def handle(self, *args: Any, **options: Any) -> None:
        written, changed = anchor_chains()
        for point in written:
            self.stdout.write(f"Ankerpunkt: Kette {point['chain']} bis Eintrag {point['seq']} ({point['head'][:16]}…)")
        if not written and not changed:
            self.stdout.write("Kein neuer Ankerpunkt nötig.")
        self.stdout.write(f"Ankerdatei: {anchor_file()}")
        if changed:
            for report in changed:
                self.stderr.write(f"{report.name}: " + "; ".join(report.problems))
            raise CommandError("Das Protokoll wurde verändert: für diese Ketten wurde kein Ankerpunkt geschrieben.")
