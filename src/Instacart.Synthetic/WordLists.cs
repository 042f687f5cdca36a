namespace Instacart.Synthetic;

/// <summary>Invented words for synthetic names: brands, adjectives, food nouns by department, people's names.</summary>
internal static class WordLists
{
    /// <summary>Invented brands.</summary>
    public static readonly string[] Brands =
    [
        "Harvest Lane", "Blue Pine", "Meadowbrook", "Sunny Acre", "Copper Kettle", "Oak & Ember", "Little Fern",
        "Northfield", "Riverstone", "Golden Hollow", "Maple Ridge", "Tidewater", "Silver Birch", "Red Barn",
        "Wild Thyme", "Stonegate", "Brightwell", "Cedar Grove", "Kindred", "Bluebell Farm", "True North",
        "Honey Hill", "Pebble Creek", "Windmill", "Fox & Finch", "Green Orchard", "Lakeside", "Morning Star",
        "Prairie Sun", "Saltbox", "Juniper", "Clover Field", "Hearthside", "Summit", "Westbrook", "Ivy Lane",
    ];

    /// <summary>Adjectives that go before a noun.</summary>
    public static readonly string[] Adjectives =
    [
        "Organic", "Classic", "Original", "Lightly Salted", "Unsweetened", "Whole Grain", "Low Fat", "Sweet",
        "Spicy", "Smoked", "Roasted", "Fresh", "Crunchy", "Creamy", "Zesty", "Honey", "Vanilla", "Garlic",
        "Sea Salt", "Mild", "Extra Sharp", "Reduced Sodium", "Gluten Free", "Natural", "Rustic", "Golden",
        "Toasted", "Wild", "Mini", "Family Size", "Plain", "Double Chocolate", "Lemon", "Maple", "Herb",
    ];

    /// <summary>Variants that follow a comma (so the name must be quoted in CSV).</summary>
    public static readonly string[] Variants =
    [
        "Original", "Unscented", "Family Pack", "Low Sodium", "Strawberry", "Blueberry", "Mixed Berry",
        "Sugar Free", "Extra Large", "Value Size", "Lightly Sweetened", "Cinnamon", "Chipotle", "Mango",
        "Peppermint", "Coconut", "Raspberry", "Black Pepper", "Multigrain", "Fragrance Free",
    ];

    /// <summary>Pack sizes written in parentheses.</summary>
    public static readonly string[] Sizes =
    [
        "12 oz", "16 oz", "6 ct", "24 ct", "1 lb", "32 fl oz", "8 oz", "2 lb", "64 oz", "4 pack", "10 ct", "1 gal",
    ];

    /// <summary>Nouns by department id − 1 (same order as <see cref="Calibration.Departments"/>).</summary>
    public static readonly string[][] Nouns =
    [
        ["Pizza", "Waffles", "Ice Cream", "Burritos", "Peas", "Berry Blend", "Veggie Burgers", "Dumplings", "Fish Sticks", "Lasagna", "Sorbet", "Pot Pie", "Edamame", "Meatballs", "Hash Browns"],
        ["Gift Card", "Party Cups", "Candles", "Batteries", "Greeting Card", "Reusable Bag", "Ice Pack"],
        ["Sourdough Bread", "Bagels", "Tortillas", "Croissants", "Dinner Rolls", "Muffins", "Pita", "English Muffins", "Cinnamon Rolls", "Rye Bread", "Baguette", "Brioche Buns"],
        ["Bananas", "Strawberries", "Baby Spinach", "Avocados", "Lemons", "Cucumbers", "Yellow Onions", "Carrots", "Blueberries", "Gala Apples", "Roma Tomatoes", "Cilantro", "Broccoli Crowns", "Limes", "Garlic Bulbs", "Zucchini", "Red Peppers", "Kale", "Sweet Potatoes", "Mushrooms"],
        ["Pale Ale", "Pinot Noir", "Lager", "Cabernet", "Hard Cider", "Rosé", "Stout", "Sauvignon Blanc", "Seltzer"],
        ["Curry Paste", "Rice Noodles", "Salsa Verde", "Miso", "Coconut Milk", "Tikka Sauce", "Kimchi", "Tahini", "Chutney"],
        ["Sparkling Water", "Orange Juice", "Cold Brew", "Green Tea", "Lemonade", "Coconut Water", "Cola", "Kombucha", "Almond Milk", "Ginger Ale", "Espresso Beans", "Sports Drink"],
        ["Dog Food", "Cat Litter", "Cat Treats", "Dog Biscuits", "Bird Seed", "Chew Toy"],
        ["Spaghetti", "Penne", "Basmati Rice", "Quinoa", "Lentils", "Couscous", "Marinara Sauce", "Mac & Cheese", "Egg Noodles", "Black Beans"],
        ["Trail Mix", "Granola", "Dried Mango", "Rolled Oats", "Raw Almonds"],
        ["Shampoo", "Toothpaste", "Body Wash", "Lip Balm", "Multivitamin", "Hand Soap", "Deodorant", "Sunscreen", "Face Cream", "Cotton Swabs", "Conditioner", "Allergy Relief"],
        ["Chicken Breast", "Ground Beef", "Salmon Fillet", "Pork Chops", "Bacon", "Shrimp", "Turkey Sausage", "Steak", "Chicken Thighs", "Tilapia"],
        ["Olive Oil", "Peanut Butter", "Honey", "Ketchup", "Flour", "Maple Syrup", "Soy Sauce", "Mustard", "Vinegar", "Sugar", "Mayonnaise", "Hot Sauce", "Baking Soda", "Vanilla Extract", "Jam"],
        ["Granola Cereal", "Oatmeal", "Pancake Mix", "Corn Flakes", "Breakfast Bars", "Muesli", "Toaster Pastries"],
        ["Black Beans", "Diced Tomatoes", "Chickpeas", "Tuna", "Chicken Soup", "Corn", "Coconut Cream", "Tomato Paste", "Kidney Beans"],
        ["Whole Milk", "Large Eggs", "Greek Yogurt", "Cheddar Cheese", "Butter", "String Cheese", "Half & Half", "Cottage Cheese", "Cream Cheese", "Oat Milk", "Sour Cream", "Mozzarella", "Parmesan", "Skyr"],
        ["Paper Towels", "Dish Soap", "Laundry Detergent", "Trash Bags", "Aluminum Foil", "Sponges", "Toilet Paper", "All-Purpose Cleaner", "Zip Bags", "Napkins", "Light Bulbs"],
        ["Baby Food Pouch", "Diapers", "Baby Wipes", "Infant Formula", "Teething Wafers", "Baby Cereal"],
        ["Potato Chips", "Tortilla Chips", "Pretzels", "Popcorn", "Dark Chocolate", "Crackers", "Fruit Snacks", "Cookies", "Rice Cakes", "Protein Bar", "Mixed Nuts", "Gummy Bears", "Hummus Chips", "Cheese Puffs"],
        ["Hummus", "Sliced Turkey", "Guacamole", "Salsa", "Potato Salad", "Rotisserie Chicken", "Sliced Ham", "Tabbouleh", "Dip", "Pesto"],
        ["Assorted Item", "Sample Pack", "Mystery Box", "Misc Item"],
    ];

    /// <summary>Aisle descriptors, combined with a department name to make an aisle name.</summary>
    public static readonly string[] AisleDescriptors =
    [
        "essentials", "favorites", "specialties", "classics", "value picks", "organic picks", "new arrivals",
        "seasonal", "family size", "single serve", "premium", "imports", "local picks", "quick bites",
        "staples", "treats", "bulk buys", "everyday",
    ];

    /// <summary>Invented-list female first names.</summary>
    public static readonly string[] FemaleNames =
    [
        "Abigail", "Alice", "Amanda", "Angela", "Anna", "Beth", "Brenda", "Carla", "Carol", "Claire", "Dana",
        "Diane", "Donna", "Elena", "Ella", "Emily", "Erin", "Fiona", "Grace", "Hannah", "Helen", "Irene",
        "Janet", "Julia", "Karen", "Laura", "Linda", "Lucy", "Maria", "Megan", "Nancy", "Nora", "Olivia",
        "Paula", "Rachel", "Rosa", "Ruth", "Sandra", "Sarah", "Sophie", "Tara", "Teresa", "Vera", "Wendy",
    ];

    /// <summary>Male first names.</summary>
    public static readonly string[] MaleNames =
    [
        "Aaron", "Adam", "Alan", "Andrew", "Ben", "Brian", "Carl", "Chris", "Daniel", "David", "Dennis",
        "Eric", "Frank", "Gary", "George", "Henry", "Ian", "Jack", "James", "Jason", "Joel", "John", "Keith",
        "Kevin", "Larry", "Leo", "Luke", "Mark", "Martin", "Nathan", "Neil", "Oscar", "Paul", "Peter",
        "Ray", "Robert", "Sam", "Scott", "Simon", "Steven", "Tom", "Victor", "Walter", "Zach",
    ];

    /// <summary>Surnames.</summary>
    public static readonly string[] Surnames =
    [
        "Abbott", "Alvarez", "Baker", "Barnes", "Bell", "Bishop", "Brooks", "Burke", "Carter", "Chen",
        "Coleman", "Cooper", "Cruz", "Davis", "Dixon", "Duncan", "Ellis", "Evans", "Fisher", "Fleming",
        "Ford", "Foster", "Garcia", "Gibson", "Gordon", "Grant", "Gray", "Hall", "Harper", "Hayes", "Holt",
        "Hughes", "Jensen", "Keller", "Kim", "Knight", "Lane", "Lopez", "Lowe", "Marsh", "Mason", "Meyer",
        "Mills", "Moreno", "Murphy", "Nash", "Nguyen", "Olsen", "Owens", "Palmer", "Patel", "Perry", "Porter",
        "Price", "Quinn", "Reed", "Reyes", "Rivera", "Rowe", "Russell", "Santos", "Shaw", "Stone", "Sutton",
        "Tanaka", "Tucker", "Vance", "Wade", "Walsh", "Ward", "Webb", "Wells", "Wolfe", "Young", "Zimmer",
    ];
}
