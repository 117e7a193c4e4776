package demo

// locale is a country whose customers the demo shop serves: names in its own script and
// addresses that look like its own.
type locale struct {
	country string
	weight  int
	first   []string
	last    []string
	streets []string
	cities  []city
	phone   string // prefix
}

type city struct{ name, zip, province string }

var locales = []locale{
	{country: "DE", weight: 30, phone: "+49 ",
		first:   []string{"Jürgen", "Anna", "Lukas", "Sophie", "Jörg", "Lea", "Maximilian", "Hannah", "Björn", "Käthe", "Felix", "Marie", "Uwe", "Greta"},
		last:    []string{"Müller", "Schmidt", "Schäfer", "Weiß", "Groß", "Becker", "Hoffmann", "Köhler", "Fuchs", "Krüger", "Wagner", "Böhm"},
		streets: []string{"Hauptstraße", "Schillerstraße", "Lindenallee", "Am Mühlbach", "Gartenweg", "Goethestraße", "Rosenstraße"},
		cities:  []city{{"Berlin", "10115", "BE"}, {"München", "80331", "BY"}, {"Köln", "50667", "NW"}, {"Leipzig", "04109", "SN"}, {"Düsseldorf", "40213", "NW"}, {"Lübeck", "23552", "SH"}}},
	{country: "GB", weight: 12, phone: "+44 ",
		first:   []string{"Oliver", "Amelia", "Harry", "Isla", "George", "Chloé", "Siobhán", "Rhys", "Niamh", "Eleanor"},
		last:    []string{"Smith", "Jones", "Taylor", "Brown", "O'Brien", "Evans", "Davies", "Wright", "Walker"},
		streets: []string{"High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue"},
		cities:  []city{{"London", "SW1A 1AA", ""}, {"Manchester", "M1 1AE", ""}, {"Bristol", "BS1 4DJ", ""}, {"Edinburgh", "EH1 1YZ", ""}}},
	{country: "US", weight: 10, phone: "+1 ",
		first:   []string{"Emma", "Liam", "Olivia", "Noah", "Ava", "José", "Zoë", "Mason", "Renée", "Ethan"},
		last:    []string{"Johnson", "Williams", "García", "Martinez", "Miller", "Davis", "Nguyen", "Wilson"},
		streets: []string{"Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Elm Street"},
		cities:  []city{{"Portland", "97205", "OR"}, {"Austin", "78701", "TX"}, {"Brooklyn", "11201", "NY"}, {"Denver", "80202", "CO"}}},
	{country: "FR", weight: 10, phone: "+33 ",
		first:   []string{"Zoë", "Léa", "Chloé", "Hélène", "François", "Jérôme", "Gaël", "Anaïs", "Noël", "Mathéo"},
		last:    []string{"Lefèvre", "Dubois", "Moreau", "Girard", "Bénard", "Lévêque", "Rousseau", "Müller"},
		streets: []string{"rue de la Paix", "avenue Victor Hugo", "rue des Écoles", "boulevard Saint-Michel"},
		cities:  []city{{"Paris", "75005", ""}, {"Lyon", "69002", ""}, {"Nantes", "44000", ""}, {"Besançon", "25000", ""}}},
	{country: "PL", weight: 8, phone: "+48 ",
		first:   []string{"Łukasz", "Małgorzata", "Paweł", "Zofia", "Wojciech", "Agnieszka", "Grzegorz", "Józef"},
		last:    []string{"Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Zieliński", "Dąbrowska", "Król"},
		streets: []string{"ul. Piotrkowska", "ul. Długa", "ul. Świętokrzyska", "al. Jerozolimskie"},
		cities:  []city{{"Łódź", "90-001", ""}, {"Kraków", "30-001", ""}, {"Gdańsk", "80-001", ""}, {"Wrocław", "50-001", ""}}},
	{country: "AT", weight: 6, phone: "+43 ",
		first:   []string{"Lukas", "Johanna", "Sebastian", "Valentina", "Florian", "Magdalena"},
		last:    []string{"Gruber", "Huber", "Bauer", "Pichler", "Steiner", "Moser"},
		streets: []string{"Mariahilfer Straße", "Getreidegasse", "Herrengasse"},
		cities:  []city{{"Wien", "1070", ""}, {"Salzburg", "5020", ""}, {"Graz", "8010", ""}}},
	{country: "NL", weight: 6, phone: "+31 ",
		first:   []string{"Daan", "Sanne", "Bram", "Fleur", "Joris", "Eva"},
		last:    []string{"de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "de Jong"},
		streets: []string{"Prinsengracht", "Kerkstraat", "Dorpsstraat"},
		cities:  []city{{"Amsterdam", "1015 AB", ""}, {"Utrecht", "3511 AA", ""}, {"Rotterdam", "3011 AA", ""}}},
	{country: "GR", weight: 5, phone: "+30 ",
		first:   []string{"Ελένη", "Γιώργος", "Μαρία", "Νίκος", "Κατερίνα", "Δημήτρης"},
		last:    []string{"Παπαδοπούλου", "Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Αντωνίου"},
		streets: []string{"Οδός Ερμού", "Λεωφόρος Αλεξάνδρας", "Οδός Τσιμισκή"},
		cities:  []city{{"Αθήνα", "105 63", ""}, {"Θεσσαλονίκη", "546 24", ""}, {"Πάτρα", "262 21", ""}}},
	{country: "BG", weight: 4, phone: "+359 ",
		first:   []string{"Дмитрий", "Мария", "Иван", "Елена", "Георги", "Анна"},
		last:    []string{"Иванов", "Петрова", "Георгиев", "Димитрова", "Николов"},
		streets: []string{"ул. Витоша", "бул. Христо Ботев", "ул. Шипка"},
		cities:  []city{{"София", "1000", ""}, {"Пловдив", "4000", ""}, {"Варна", "9000", ""}}},
	{country: "ES", weight: 5, phone: "+34 ",
		first:   []string{"Lucía", "Martín", "Sofía", "Hugo", "Inés", "Álvaro"},
		last:    []string{"García", "Fernández", "López", "Martínez", "Sánchez", "Peña"},
		streets: []string{"Calle Mayor", "Gran Vía", "Calle de Alcalá"},
		cities:  []city{{"Madrid", "28013", "M"}, {"Barcelona", "08002", "B"}, {"Sevilla", "41004", "SE"}}},
	{country: "IT", weight: 4, phone: "+39 ",
		first:   []string{"Giulia", "Francesco", "Chiara", "Niccolò", "Beatrice", "Lorenzo"},
		last:    []string{"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"},
		streets: []string{"Via Roma", "Corso Italia", "Via Garibaldi"},
		cities:  []city{{"Milano", "20121", "MI"}, {"Roma", "00184", "RM"}, {"Torino", "10121", "TO"}}},
}

var giftMessages = []string{
	"Happy birthday, Oma! 🎂 Love, Lena",
	"Alles Gute zum Geburtstag!",
	"Congratulations on the new home ❤️",
	"Joyeux anniversaire, Zoë !",
	"Wszystkiego najlepszego!",
	"Χρόνια πολλά!",
	"С днём рождения!",
	"For the best gardener I know.",
	"Thank you for everything — see you soon.",
}

var customerNotes = []string{
	"Please leave the parcel at the door.",
	"Bitte beim Nachbarn abgeben, falls ich nicht da bin.",
	"No invoice in the parcel please, it's a present.",
	"Ring twice, the bell is broken.",
	"Can this arrive before Friday?",
}
